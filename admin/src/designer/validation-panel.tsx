import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { type DefinitionError, describePath } from '@eduflow/workflows';
import { Alert, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../components/localized-text';
import type { Selection } from './designer-canvas';
import { type EdgeRef, locateError } from './model';

/** Every problem parseDefinition() finds, placed by step, button and field name, each a link to the node or arrow it is pinned on. */
export function ValidationPanel({
  doc,
  errors,
  edges,
  onSelect,
}: {
  doc: unknown;
  errors: DefinitionError[];
  edges: EdgeRef[];
  onSelect: (s: Selection) => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  if (errors.length === 0)
    return (
      <Alert
        data-testid="designer-valid"
        type="success"
        showIcon
        icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
        message={t('designer.validation.ok')}
      />
    );
  return (
    <List
      data-testid="designer-errors"
      size="small"
      header={
        <Typography.Text type="danger">{t('designer.validation.count', { count: errors.length })}</Typography.Text>
      }
      dataSource={errors}
      renderItem={(e) => {
        const at = locateError(e.path, edges);
        const where = localize(describePath(doc, e.path));
        const target = at.edge
          ? ({ type: 'edge', id: at.edge } as const)
          : at.state
            ? ({ type: 'state', id: at.state } as const)
            : null;
        return (
          <List.Item style={{ cursor: target ? 'pointer' : undefined }} onClick={() => target && onSelect(target)}>
            <List.Item.Meta
              avatar={<CloseCircleTwoTone twoToneColor="#ff4d4f" />}
              title={localize(e.message)}
              // Where, in the designer's words, unless the message already says so.
              description={e.code === 'SCHEMA' || localize(e.message).includes(where) ? null : where}
            />
          </List.Item>
        );
      }}
    />
  );
}
