import { GlobalOutlined } from '@ant-design/icons';
import { Button, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

import { currentLanguage, LANGUAGES, setLanguage } from '../config/i18n';
import type { LocaleCode } from '../types/contract';

/** 中文 / English; the choice is kept in localStorage. */
export function LanguageSwitch({
  size = 'middle',
  compact,
}: {
  size?: 'small' | 'middle' | 'large';
  /** A phone's header: one button naming the other language. */
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const value = i18n.language === 'en' ? 'en' : currentLanguage();
  if (compact) {
    const other = LANGUAGES.find((l) => l !== value) ?? value;
    const short = other === 'en' ? 'EN' : '中';
    // The spoken name starts with what the button shows (WCAG 2.5.3: a voice user says "EN" to press it).
    return (
      <Button
        type="text"
        size={size}
        icon={<GlobalOutlined />}
        aria-label={`${short} · ${t('common.language')}: ${t(`languages.${other}`)}`}
        onClick={() => void setLanguage(other)}
        data-testid="language-compact"
      >
        {short}
      </Button>
    );
  }
  return (
    <Segmented<LocaleCode>
      size={size}
      aria-label={t('common.language')}
      value={value}
      onChange={(lng) => void setLanguage(lng)}
      options={LANGUAGES.map((lng) => ({
        value: lng,
        label: t(`languages.${lng}`),
        icon: lng === value ? <GlobalOutlined /> : undefined,
      }))}
    />
  );
}
