import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ReferenceDoc, ReferenceKind } from './reference-kinds';
import { AwardRubricView } from './views/award-rubric-view';
import { ChecklistView } from './views/checklist-view';
import { IndicatorSystemView } from './views/indicator-system-view';
import { WhitelistView } from './views/whitelist-view';

const VIEWS: Record<ReferenceKind, (p: { content: Record<string, unknown> }) => React.JSX.Element> = {
  whitelists: WhitelistView,
  checklists: ChecklistView,
  'indicator-systems': IndicatorSystemView,
  'award-rubrics': AwardRubricView,
};

/** Saves the document as a file: the exchange format other systems (and the bureau's archive) take. */
function downloadJson(kind: ReferenceKind, doc: ReferenceDoc) {
  const blob = new Blob([JSON.stringify(doc.content, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${kind}-${doc.key}-v${doc.version}.json`;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** A reference document laid out for reading (auditors, principals, inspectors), with its JSON for export. */
export function ReferenceContent({ kind, doc }: { kind: ReferenceKind; doc: ReferenceDoc }) {
  const { t } = useTranslation();
  const View = VIEWS[kind];
  return (
    <Tabs
      size="small"
      items={[
        { key: 'view', label: t('refedit.view.table'), children: <View content={doc.content} /> },
        {
          key: 'json',
          label: t('refedit.view.json'),
          children: (
            <>
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => downloadJson(kind, doc)}
                style={{ marginBottom: 8 }}
              >
                {t('refedit.view.download')}
              </Button>
              <Typography.Paragraph>
                <pre style={{ maxHeight: 480, overflow: 'auto', fontSize: 12 }}>
                  {JSON.stringify(doc.content, null, 2)}
                </pre>
              </Typography.Paragraph>
            </>
          ),
        },
      ]}
    />
  );
}
