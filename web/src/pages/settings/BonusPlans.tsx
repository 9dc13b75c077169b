/** Placeholder: being built. */
export function BonusPlanSettings({ teamId }: { teamId: string }) {
  return <div data-testid="settings-BonusPlans">{teamId}</div>;
}
