import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

import { currentLanguage, LANGUAGES, setLanguage } from '../config/i18n';
import type { LocaleCode } from '../types/contract';

/** 中文 / English; the choice is kept in localStorage. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t, i18n } = useTranslation();
  const value = i18n.language === 'en' ? 'en' : currentLanguage();
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
