import { Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { formLimits } from '../../../api/schema.gen';
import { EditableRows } from './editable-rows';

/** The kind's own bounds (generated from the zod schema a new version is validated with). */
const LIMITS = formLimits['ReferenceData.whitelist'];

/** 教师减负清单: what the bureau forbids or limits, one row per item. */
export function BurdenListEditor() {
  const { t } = useTranslation();
  return (
    <EditableRows
      name={['content', 'burdenList']}
      testId="refedit-burden"
      addLabel={t('refedit.burden.add')}
      newRow={() => ({ code: '', name: '', rule: '' })}
      columns={[
        {
          key: 'code',
          title: t('refedit.cols.code'),
          path: ['code'],
          required: true,
          width: 110,
          input: <Input maxLength={LIMITS['content.burdenList[].code'].maxLength} />,
        },
        {
          key: 'name',
          title: t('refedit.burden.name'),
          path: ['name'],
          required: true,
          width: 320,
          input: <Input maxLength={LIMITS['content.burdenList[].name'].maxLength} />,
        },
        {
          key: 'rule',
          title: t('refedit.burden.rule'),
          path: ['rule'],
          width: 380,
          input: <Input maxLength={LIMITS['content.burdenList[].rule'].maxLength} />,
        },
      ]}
    />
  );
}
