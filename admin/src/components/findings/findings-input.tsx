import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { FieldDef } from '../../types/contract';
import { useFindingsContext } from './findings-context';
import { RaiseFindingsInput } from './raise-findings-input';
import { RectifyFindingsInput } from './rectify-findings-input';
import { VerifyFindingsInput } from './verify-findings-input';

type Props = { field: FieldDef; disabled?: boolean; value?: unknown; onChange?: (v: unknown) => void };

/** A `findings` field as its mode declares it: raise (the inspector), rectify (the school) or verify (the inspector). */
export function FindingsInput(props: Props) {
  const { t } = useTranslation();
  const ctx = useFindingsContext();
  const cfg = props.field.findings;
  // Outside an instance (the designer's preview) there are no findings to work on.
  if (!ctx || !cfg) return <Typography.Text type="secondary">{t('findingItems.empty')}</Typography.Text>;
  if (cfg.mode === 'raise') return <RaiseFindingsInput {...props} config={cfg} />;
  if (cfg.mode === 'rectify') return <RectifyFindingsInput {...props} />;
  return <VerifyFindingsInput {...props} />;
}
