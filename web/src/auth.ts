const TOKEN_KEY = 'shopops.token';
const TEAM_KEY = 'shopops.team';

export function loadToken(): string | null {
  return window.localStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string | null): void {
  if (token) window.localStorage.setItem(TOKEN_KEY, token);
  else window.localStorage.removeItem(TOKEN_KEY);
}

export function loadTeamChoice(): string | null {
  return window.localStorage.getItem(TEAM_KEY);
}

export function saveTeamChoice(teamId: string | null): void {
  if (teamId) window.localStorage.setItem(TEAM_KEY, teamId);
  else window.localStorage.removeItem(TEAM_KEY);
}
