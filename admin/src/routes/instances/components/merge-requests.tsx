import { MergeCellsOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { api, call } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { useLocalize } from '../../../components/localized-text';
import { useSubmit } from '../../../hooks/use-submit';
import type { InstanceView } from '../../../types/contract';

type Candidate = components['schemas']['MergeCandidate'];

/** Shown where the definition's merge block sits, when the caller may take that action now. */
export const canMerge = (view: InstanceView) =>
  view.availableEvents.some((e) => e.blocks?.includes('mergeRequests') && !e.blockedBy);

/**
 * 合并申请: the reviewer picks other requests for the same whitelist item, also at bureau review, and
 * folds them into this one after a confirmation. The server re-checks everything; this only chooses.
 */
export function MergeRequests({ view, onMerged }: { view: InstanceView; onMerged: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Candidate[] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  // Loading the candidates and merging share one in-flight state and one refusal shown in the dialog.
  const { submit: send, pending, error, errorText } = useSubmit((job: () => Promise<void>) => job());

  const show = async () => {
    setOpen(true);
    setSelected([]);
    setItems(null);
    const loaded = await send(async () =>
      setItems((await call(api.GET('/api/campus-entry/{id}/mergeable', { params: { path: { id: view.id } } }))).items),
    );
    if (!loaded) setItems([]);
  };

  const merge = () =>
    send(async () => {
      const absorbed = (items ?? [])
        .filter((c) => selected.includes(c.id))
        .map((c) => ({ id: c.id, expectedVersion: c.version }));
      const res = await call(
        api.POST('/api/campus-entry/merges', {
          body: { survivor: { id: view.id, expectedVersion: view.version }, absorbed },
        }),
      );
      setOpen(false);
      void message.success(t('campusMerge.done', { count: res.mergedFrom.length, schools: res.schoolIds.length }));
      onMerged();
    });

  const confirm = () =>
    modal.confirm({
      title: t('campusMerge.confirmTitle', { count: selected.length }),
      content: t('campusMerge.confirmBody'),
      okText: t('campusMerge.confirmOk'),
      cancelText: t('common.cancel'),
      onOk: merge,
    });

  return (
    <>
      <Button icon={<MergeCellsOutlined />} data-testid="merge-open" onClick={() => void show()}>
        {t('campusMerge.button')}
      </Button>
      <Modal
        open={open}
        title={t('campusMerge.title')}
        width={820}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        okText={t('campusMerge.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: selected.length === 0, loading: pending, ...{ 'data-testid': 'merge-submit' } }}
        onOk={confirm}
      >
        <Typography.Paragraph type="secondary">{t('campusMerge.intro')}</Typography.Paragraph>
        {error && (
          <Alert
            type={error.code === 'VERSION_CONFLICT' ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="merge-error"
            message={t('campusMerge.failed')}
            description={error.code === 'VERSION_CONFLICT' ? t('campusMerge.conflict') : errorText}
          />
        )}
        <Table<Candidate>
          rowKey="id"
          size="small"
          data-testid="merge-candidates"
          loading={items === null}
          dataSource={items ?? []}
          pagination={false}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          locale={{ emptyText: t('campusMerge.empty') }}
          columns={[
            { key: 'title', title: t('campusMerge.colTitle'), render: (_, c) => localize(c.title) },
            { key: 'date', title: t('campusMerge.colDate'), dataIndex: 'activityDate' },
            { key: 'schools', title: t('campusMerge.colSchools'), render: (_, c) => c.schoolNames.join('、') },
            { key: 'requester', title: t('campusMerge.colRequester'), dataIndex: 'requester' },
          ]}
        />
        {items && items.length > 0 && selected.length === 0 && (
          <Typography.Text type="secondary">{t('campusMerge.selectHint')}</Typography.Text>
        )}
      </Modal>
    </>
  );
}

/** On an absorbed request: where its activity went. */
export function MergedInto({ view }: { view: InstanceView }) {
  const { t } = useTranslation();
  // The field the merge block links the survivor through; set only on a request that was merged away.
  const into = view.definition.blocks.find((b) => b.name === 'mergeRequests')?.params.intoField;
  const value = typeof into === 'string' ? view.data[into] : undefined;
  const target = view.outcome === 'merged' && typeof value === 'string' ? value : null;
  if (!target) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="merged-into"
      message={t('campusMerge.mergedInto')}
      action={<Link to={`/instances/${target}`}>{t('campusMerge.openSurvivor')}</Link>}
    />
  );
}
