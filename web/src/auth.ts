import type { MeQuery } from './gql/graphql';

const TOKEN_KEY = 'shopops.token';
const TEAM_KEY = 'shopops.team';
const ME_KEY = 'shopops.me';

export function loadToken(): string | null {
  return window.localStorage.getItem(TOKEN_KEY);
}

/** A new token (or none) forgets the last person's `Me`: it may be someone else's. */
export function saveToken(token: string | null): void {
  window.localStorage.removeItem(ME_KEY);
  if (token) window.localStorage.setItem(TOKEN_KEY, token);
  else window.localStorage.removeItem(TOKEN_KEY);
}

/**
 * The last `Me` answer for this token, so that a reload shows the page at once and its query
 * goes out beside `Me` instead of after it. Only display data: the API checks every request.
 */
export function loadMe(): MeQuery | null {
  try {
    const raw = window.localStorage.getItem(ME_KEY);
    return raw ? (JSON.parse(raw) as MeQuery) : null;
  } catch {
    return null;
  }
}

export function saveMe(me: MeQuery): void {
  window.localStorage.setItem(ME_KEY, JSON.stringify(me));
}

export function loadTeamChoice(): string | null {
  return window.localStorage.getItem(TEAM_KEY);
}

export function saveTeamChoice(teamId: string | null): void {
  if (teamId) window.localStorage.setItem(TEAM_KEY, teamId);
  else window.localStorage.removeItem(TEAM_KEY);
}
