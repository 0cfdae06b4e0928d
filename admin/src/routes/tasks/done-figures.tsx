import { Space, Typography } from 'antd';

import { useLocalize } from '../../components/localized-text';
import type { DoneTaskRow } from '../../types/contract';

/** The figures of the user's own part (评分（总分）85 · 创新性 26 …), the total first and strong. */
export function DoneFigures({ figures }: { figures: DoneTaskRow['figures'] }) {
  const localize = useLocalize();
  if (figures.length === 0) return null;
  return (
    <Space size={[12, 0]} wrap data-testid="done-figures">
      {figures.map((f, i) => (
        <Typography.Text key={f.name} strong={i === 0} type={i === 0 ? undefined : 'secondary'}>
          {localize(f.label)} {f.value}
        </Typography.Text>
      ))}
    </Space>
  );
}
