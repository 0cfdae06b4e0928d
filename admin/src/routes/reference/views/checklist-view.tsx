import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { LAYERS } from '../editors/checklist-editor';
import { rowsOf, textOf, ViewTable } from './view-table';

/** A security checklist for reading, grouped by the six layers in the order inspectors walk them. */
export function ChecklistView({ content }: { content: Record<string, unknown> }) {
  const { t } = useTranslation();
  const items = rowsOf(content.items);
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('refedit.checklist.key')}: <Typography.Text code>{textOf(content.key)}</Typography.Text> ·{' '}
        {t('refedit.view.itemCount', { n: items.length })}
      </Typography.Paragraph>
      {LAYERS.map((layer) => (
        <ViewTable
          key={layer}
          title={t(`refedit.layers.${layer}`)}
          testId={`reference-layer-${layer}`}
          data={items.filter((i) => i.layer === layer)}
          columns={[
            { key: 'code', title: t('refedit.cols.code'), width: 100 },
            { key: 'title', title: t('refedit.checklist.title'), width: 260 },
            { key: 'guidance', title: t('refedit.checklist.guidance'), width: 260 },
            { key: 'evidence', title: t('refedit.checklist.evidence') },
          ]}
        />
      ))}
    </>
  );
}
