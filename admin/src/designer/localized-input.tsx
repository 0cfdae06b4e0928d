import type { TLocalizedText } from '@eduflow/workflows';
import { Input, Space } from 'antd';

/** A text in both console languages, side by side. */
export function LocalizedInput({
  value,
  onChange,
  testId,
  placeholder,
}: {
  value: TLocalizedText | undefined;
  onChange: (v: TLocalizedText) => void;
  testId?: string;
  placeholder?: TLocalizedText;
}) {
  const v = value ?? { 'zh-CN': '', en: '' };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        addonBefore="中"
        placeholder={placeholder?.['zh-CN']}
        value={v['zh-CN']}
        onChange={(e) => onChange({ ...v, 'zh-CN': e.target.value })}
        data-testid={testId ? `${testId}-zh` : undefined}
      />
      <Input
        addonBefore="EN"
        placeholder={placeholder?.en}
        value={v.en}
        onChange={(e) => onChange({ ...v, en: e.target.value })}
        data-testid={testId ? `${testId}-en` : undefined}
      />
    </Space.Compact>
  );
}
