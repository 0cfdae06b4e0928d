import type { TLocalizedText } from '@eduflow/workflows';
import { Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** A text in both console languages, side by side, each input named for screen readers. */
export function LocalizedInput({
  value,
  onChange,
  testId,
  placeholder,
  label,
}: {
  value: TLocalizedText | undefined;
  onChange: (v: TLocalizedText) => void;
  testId?: string;
  placeholder?: TLocalizedText;
  /** What the pair is (its form label): each input is named by it and its language for screen readers. */
  label: string;
}) {
  const { t } = useTranslation();
  const v = value ?? { 'zh-CN': '', en: '' };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        addonBefore="中"
        aria-label={t('designer.lang.in', { label, lang: t('designer.lang.zh') })}
        placeholder={placeholder?.['zh-CN']}
        value={v['zh-CN']}
        onChange={(e) => onChange({ ...v, 'zh-CN': e.target.value })}
        data-testid={testId ? `${testId}-zh` : undefined}
      />
      <Input
        addonBefore="EN"
        aria-label={t('designer.lang.in', { label, lang: t('designer.lang.en') })}
        placeholder={placeholder?.en}
        value={v.en}
        onChange={(e) => onChange({ ...v, en: e.target.value })}
        data-testid={testId ? `${testId}-en` : undefined}
      />
    </Space.Compact>
  );
}
