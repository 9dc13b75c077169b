import { createContext, useContext } from 'react';
import type { AccessLevel, StaffRole } from './gql/graphql';

export interface SessionTeam {
  id: string;
  name: string;
  timeZone: string;
}

export interface Session {
  me: { id: string; name: string; access: AccessLevel; role?: StaffRole | null };
  /** The team the pages show: an admin's pick, else the person's own. */
  team: SessionTeam | null;
  /** Managers and admins make tasks, run the diagnosis, verify. */
  canManage: boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the signed-in shell');
  return s;
}

/** The team's local today and yesterday (YYYY-MM-DD) in its time zone. */
export function teamDays(timeZone: string, now: Date = new Date()): { today: string; yesterday: string } {
  let today: string;
  try {
    today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    today = now.toISOString().slice(0, 10);
  }
  return { today, yesterday: previousDay(today) };
}

/** The calendar day before a YYYY-MM-DD day. */
export function previousDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function isIsoDay(s: string | null | undefined): s is string {
  return !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime());
}

/** YYYY-MM of the month before a YYYY-MM month. */
export function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** `?month=` if it is a YYYY-MM month, else the team's last month: the month end's default. */
export function monthParam(param: string | null, timeZone: string): { month: string; lastMonth: string } {
  const lastMonth = monthBefore(teamDays(timeZone).today.slice(0, 7));
  return { month: param && /^\d{4}-\d{2}$/.test(param) ? param : lastMonth, lastMonth };
}
