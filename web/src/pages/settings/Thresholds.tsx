/** Placeholder: being built. */
export function ThresholdsSettings({ teamId }: { teamId: string }) {
  return <div data-testid="settings-Thresholds">{teamId}</div>;
}
