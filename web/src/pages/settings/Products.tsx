/** Placeholder: being built. */
export function ProductSettings({ teamId }: { teamId: string }) {
  return <div data-testid="settings-Products">{teamId}</div>;
}
