import { Select } from 'antd';

/** Every round, as the API spells it (ALL_ROUNDS in reports.types.ts). */
export const ALL_PERIODS = '*';

type Props = {
  testId: string;
  /** What the period is (检查轮次, 考核周期): shown before it and read by screen readers. */
  label: string;
  /** The periods the report offers, newest first. */
  periods: string[] | undefined;
  /** The period the report shows (its default until one is chosen); null when it shows every period. */
  shown: string | null | undefined;
  onChange: (period: string) => void;
  /** Offer every period at once (only where the API serves it from tallies). */
  allLabel?: string;
};

/** A card's 轮次 / 周期 choice: names the period on screen, the newest first, the report's default preselected. */
export function PeriodPicker({ testId, label, periods, shown, onChange, allLabel }: Props) {
  if (!periods?.length) return null;
  const options = [
    ...periods.map((p) => ({ value: p, label: p })),
    ...(allLabel ? [{ value: ALL_PERIODS, label: allLabel }] : []),
  ];
  return (
    <Select
      size="small"
      data-testid={testId}
      aria-label={label}
      prefix={`${label}：`}
      style={{ minWidth: 160, maxWidth: 320 }}
      popupMatchSelectWidth={false}
      value={shown === null ? ALL_PERIODS : (shown ?? undefined)}
      options={options}
      onChange={onChange}
    />
  );
}
