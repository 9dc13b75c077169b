/** Placeholder: being built. */
export function TargetsSettings({ teamId }: { teamId: string }) {
  return <div data-testid="settings-Targets">{teamId}</div>;
}
