import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, List as AntList, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { api, call } from '../../api/client';
import { DateText } from '../../components/date-text';
import { ErrorResult } from '../../components/error-result';
import { useLocalize } from '../../components/localized-text';
import { PageTitle } from '../../components/page-title';
import { DraftReviewText, FourEyesNote, PublishButton } from '../../components/publish-button';
import { useCan } from '../../hooks/use-can';
import { isApiError } from '../../providers/http';
import { ReferenceContent } from './reference-content';
import { REFERENCE_KINDS, type ReferenceDoc, type ReferenceKind } from './reference-kinds';
import { VersionEditor } from './version-editor';

const isKind = (k: string | undefined): k is ReferenceKind => (REFERENCE_KINDS as readonly string[]).includes(k ?? '');

/**
 * 基础数据: indicator systems, whitelists (with the burden list), security checklists and award rubrics, by
 * version. Admins draft new versions; a draft is published by someone who did not edit it (四眼原则).
 */
export function ReferencePage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { kind: raw } = useParams();
  const kind: ReferenceKind = isKind(raw) ? raw : 'whitelists';
  const canEdit = useCan('create', 'ReferenceData');
  const canPublish = useCan('publish', 'ReferenceData');
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: ['reference', kind],
    queryFn: () => call(api.GET('/api/reference/{kind}', { params: { path: { kind } } })),
    retry: false,
  });
  const items = [...(query.data?.items ?? [])].sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version);
  const doc = items.find((d) => d.id === selected) ?? items.find((d) => d.status === 'published') ?? items[0] ?? null;
  // Frozen while the editor is open, so a refetch does not quietly move the base under the editor.
  const [newestOfKey, setNewestOfKey] = useState<ReferenceDoc | null>(null);

  const publish = async (d: ReferenceDoc) => {
    try {
      await call(api.POST('/api/reference/{kind}/{id}/publish', { params: { path: { kind, id: d.id } } }));
      void message.success(t('reference.published', { name: d.name }));
      await query.refetch();
    } catch (e) {
      const text = isApiError(e) && e.localized ? localize(e.localized) : t('reference.publishFailed');
      // 409: a newer version went out meanwhile; show the list as it now is rather than retry.
      if (isApiError(e) && e.code === 'VERSION_CONFLICT')
        modal.warning({
          title: t('instances.conflictTitle'),
          content: text,
          okText: t('instances.reload'),
          onOk: () => void query.refetch(),
        });
      else void message.error(text);
    }
  };

  const saved = async (d: ReferenceDoc) => {
    setCreating(false);
    void message.success(t('refedit.saved', { name: d.name, version: d.version }));
    await query.refetch();
    setSelected(d.id);
  };

  /** After a 409 on save: the newest version of the key being edited becomes the editor's base. */
  const reloadNewest = async () => {
    const fresh = (await query.refetch()).data?.items ?? [];
    const newest = fresh.filter((d) => d.key === doc?.key).sort((a, b) => b.version - a.version)[0];
    if (newest) {
      setNewestOfKey(newest);
      setSelected(newest.id);
    }
  };

  return (
    <div data-testid="reference-page">
      <div style={{ marginBottom: 12 }}>
        <PageTitle>{t('reference.reference')}</PageTitle>
      </div>
      <Tabs
        activeKey={kind}
        onChange={(k) => {
          setSelected(null);
          navigate(`/reference/${k}`);
        }}
        items={REFERENCE_KINDS.map((k) => ({ key: k, label: t(`reference.kinds.${k}`) }))}
      />
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={7}>
            <Card
              size="small"
              title={t('reference.versions')}
              extra={
                canEdit && (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => {
                      setNewestOfKey(items.find((d) => d.key === doc?.key) ?? null);
                      setCreating(true);
                    }}
                    data-testid="reference-new-version"
                  >
                    {t('reference.newVersion')}
                  </Button>
                )
              }
            >
              <AntList
                loading={query.isLoading}
                dataSource={items}
                locale={{
                  emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reference.empty')} />,
                }}
                renderItem={(d) => (
                  <AntList.Item
                    onClick={() => setSelected(d.id)}
                    style={{
                      cursor: 'pointer',
                      background: d.id === doc?.id ? '#e6f4ff' : undefined,
                      paddingInline: 8,
                    }}
                    data-testid="reference-version"
                  >
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong>{d.name}</Typography.Text>
                      <Space size={4}>
                        <Tag>v{d.version}</Tag>
                        <Tag color={d.status === 'published' ? 'green' : 'gold'}>
                          {t(`reference.status.${d.status}`)}
                        </Tag>
                      </Space>
                    </Space>
                  </AntList.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={17}>
            <Card
              size="small"
              title={doc ? `${doc.name} · v${doc.version}` : t('reference.kinds.' + kind)}
              extra={
                doc && (
                  <Space>
                    {doc.publishedAt && (
                      <Typography.Text type="secondary">
                        {t('reference.publishedAt')} <DateText value={doc.publishedAt} />
                      </Typography.Text>
                    )}
                    {canPublish && doc.status === 'draft' && (
                      <PublishButton
                        size="small"
                        name={`${doc.name} v${doc.version}`}
                        editors={doc.editors}
                        testId="reference-publish"
                        onPublish={() => publish(doc)}
                      />
                    )}
                  </Space>
                )
              }
            >
              {doc && (
                <div style={{ marginBottom: 8 }}>
                  <DraftReviewText review={doc} />
                  {canPublish && doc.status === 'draft' && <FourEyesNote editors={doc.editors} />}
                </div>
              )}
              {doc ? (
                <ReferenceContent kind={kind} doc={doc} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reference.emptyHint')} />
              )}
            </Card>
          </Col>
        </Row>
      )}
      <VersionEditor
        kind={kind}
        from={doc}
        basedOn={newestOfKey?.id}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(d) => void saved(d)}
        onReload={reloadNewest}
      />
    </div>
  );
}
