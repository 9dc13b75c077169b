/** Placeholder: being built. */
export function StaffSettings({ teamId }: { teamId: string }) {
  return <div data-testid="settings-Staff">{teamId}</div>;
}
