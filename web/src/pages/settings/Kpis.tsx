/** Placeholder: being built. */
export function KpiSettings({ teamId }: { teamId: string }) {
  return <div data-testid="settings-Kpis">{teamId}</div>;
}
