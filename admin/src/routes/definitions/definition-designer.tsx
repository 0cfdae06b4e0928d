import {
  ApartmentOutlined,
  CopyOutlined,
  DiffOutlined,
  DownloadOutlined,
  PlusOutlined,
  SaveOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  ConfigProvider,
  Dropdown,
  Row,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { ErrorResult } from '../../components/error-result';
import { useLocalize } from '../../components/localized-text';
import { DraftReviewText, FourEyesNote, PublishButton, useFourEyes } from '../../components/publish-button';
import { designerApi } from '../../designer/api';
import { DesignerCanvas, type Selection } from '../../designer/designer-canvas';
import { addState, addTransition, KINDS } from '../../designer/model';
import { PublishConfirmContent } from '../../designer/publish-confirm';
import { Simulator } from '../../designer/simulator';
import { StatePanel } from '../../designer/state-panel';
import { TransitionPanel } from '../../designer/transition-panel';
import { useDesigner } from '../../designer/use-designer';
import { ValidationPanel } from '../../designer/validation-panel';
import { WorkflowPanel } from '../../designer/workflow-panel';
import { useCan } from '../../hooks/use-can';
import { isApiError } from '../../providers/http';

/**
 * 流程设计器: edit a draft on the canvas, validate live, simulate and save it. Publishing is someone
 * else's: the draft's editors see 发布 disabled with the reason, another admin or a reviewer 审核并发布.
 */
export function DefinitionDesigner() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const d = useDesigner(id);
  const [selection, setSelection] = useState<Selection>(null);
  const [trail, setTrail] = useState<{ current: string | null; visited: string[] } | undefined>();
  const [layoutKey, setLayoutKey] = useState(0);
  const [busy, setBusy] = useState<'save' | null>(null);
  const canCreate = useCan('create', 'Definition');
  const canUpdate = useCan('update', 'Definition');
  const canPublish = useCan('publish', 'Definition');
  const fourEyes = useFourEyes(d.server?.editors, d.dirty);

  if (d.loadError) return <ErrorResult error={d.loadError} onRetry={() => void d.load()} />;
  if (!d.server || !d.doc) return <Skeleton active />;
  const { server, doc } = d;
  const published = server.status === 'published';
  // A reviewer reads and approves a draft; only the bureau admins edit one.
  const readOnly = published || !canUpdate;
  const edge = selection?.type === 'edge' ? d.edges.find((e) => e.id === selection.id) : undefined;
  const stateSelected = selection?.type === 'state' && doc.states[selection.id] ? selection.id : null;
  const panelTitle = edge
    ? t('designer.panel.transition')
    : stateSelected
      ? t('designer.panel.state')
      : t('designer.panel.workflow');
  const messagesOf = (key: string) => (d.pinned.messages[key] ?? []).map((e) => localize(e.message));

  const failed = (e: unknown) => {
    if (d.isConflict(e)) {
      modal.confirm({
        title: t('designer.conflict.title'),
        content: t('designer.conflict.content'),
        okText: t('designer.conflict.reload'),
        cancelText: t('designer.conflict.keep'),
        onOk: () => void d.load(),
      });
      return;
    }
    void message.error(isApiError(e) && e.localized ? localize(e.localized) : t('designer.saveFailed'));
  };
  const save = async () => {
    setBusy('save');
    try {
      const saved = await d.save();
      if (saved)
        void message.success(
          saved.errors.length ? t('designer.savedWithErrors', { count: saved.errors.length }) : t('designer.saved'),
        );
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };
  // Never saves first: a save would make the publisher an editor (四眼原则), so unsaved edits block it;
  // so does a save still in flight (busy), or 发布 would act on the revision the save is about to replace.
  // The confirmation (PublishButton) lists what the version drops or strands (publish-check); risky ones are confirmed.
  const publish = async (risky: boolean) => {
    try {
      await designerApi.publish(server.id, risky);
      void message.success(t('designer.published', { version: server.version }));
      await d.load();
    } catch (e) {
      failed(e);
    }
  };
  const publishRisks = async () => {
    const check = await designerApi.publishCheck(server.id);
    return { extra: <PublishConfirmContent check={check} definitionId={server.id} />, risky: check.needsConfirmation };
  };
  const cloneAsDraft = async () => {
    try {
      const copy = await designerApi.clone({ definitionId: server.id });
      navigate(`/definitions/${copy.id}/design`);
    } catch (e) {
      failed(e);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Row justify="space-between" align="middle" gutter={[8, 8]}>
          <Col>
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="designer-title">
                {localize(doc.name)}
              </Typography.Title>
              <Tag>v{server.version}</Tag>
              <Tag color={published ? 'success' : 'default'} data-testid="designer-status">
                {t(`definitions.filter.${server.status}`)}
              </Tag>
              {d.dirty && (
                <Tag color="warning" data-testid="designer-unsaved">
                  {t('designer.unsaved')}
                </Tag>
              )}
              <DraftReviewText review={server} />
            </Space>
          </Col>
          <Col>
            <Space wrap>
              {!readOnly && (
                <Dropdown
                  menu={{
                    items: KINDS.map((k) => ({
                      key: k,
                      label: t(`designer.kinds.${k}`),
                      'data-testid': `designer-add-${k}`,
                    })),
                    onClick: ({ key }) => {
                      const kind = KINDS.find((k) => k === key);
                      if (!kind) return;
                      const added = addState(doc, kind);
                      d.edit(added.doc);
                      setSelection({ type: 'state', id: added.id });
                    },
                  }}
                >
                  <Button icon={<PlusOutlined />} data-testid="designer-add-state">
                    {t('designer.addState')}
                  </Button>
                </Dropdown>
              )}
              <Button icon={<ApartmentOutlined />} onClick={() => setLayoutKey((k) => k + 1)}>
                {t('designer.relayout')}
              </Button>
              <Button
                icon={<SettingOutlined />}
                onClick={() => setSelection(null)}
                data-testid="designer-workflow-settings"
              >
                {t('designer.workflowSettings')}
              </Button>
              <Button icon={<DownloadOutlined />} href={designerApi.exportUrl(server.id)}>
                {t('designer.export')}
              </Button>
              <Button icon={<DiffOutlined />} onClick={() => navigate(`/definitions/${server.id}/diff`)}>
                {t('designer.diff')}
              </Button>
              {published ? (
                canCreate && (
                  <Button
                    type="primary"
                    icon={<CopyOutlined />}
                    onClick={() => void cloneAsDraft()}
                    data-testid="designer-new-version"
                  >
                    {t('designer.newVersion')}
                  </Button>
                )
              ) : (
                <>
                  {canUpdate && (
                    <Button
                      icon={<SaveOutlined />}
                      loading={busy === 'save'}
                      onClick={() => void save()}
                      data-testid="designer-save"
                    >
                      {t('designer.save')}
                    </Button>
                  )}
                  {canPublish && (
                    <PublishButton
                      name={`${localize(doc.name)} v${server.version}`}
                      editors={server.editors}
                      unsaved={d.dirty || busy === 'save'}
                      disabled={d.validation.errors.length > 0}
                      testId="designer-publish"
                      prepare={publishRisks}
                      onPublish={publish}
                    />
                  )}
                </>
              )}
            </Space>
          </Col>
        </Row>
        {published && <Alert style={{ marginTop: 8 }} type="info" showIcon message={t('designer.readOnly')} />}
        {!published && !canUpdate && canPublish && (
          <Alert
            style={{ marginTop: 8 }}
            type="info"
            showIcon
            data-testid="designer-reviewing"
            message={t('fourEyes.reviewing', { editors: t('fourEyes.editors', { names: fourEyes.names }) })}
          />
        )}
        {!published && canPublish && <FourEyesNote editors={server.editors} unsaved={d.dirty || busy === 'save'} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <DesignerCanvas
            doc={doc}
            edges={d.edges}
            errorsByState={d.pinned.byState}
            errorsByEdge={d.pinned.byEdge}
            selection={selection}
            trail={trail}
            layoutKey={layoutKey}
            onPlaced={readOnly ? undefined : (layout) => d.edit({ ...doc, layout })}
            onSelect={setSelection}
            onConnect={(from, to) => {
              if (readOnly) return;
              const added = addTransition(doc, from, to);
              d.edit(added.doc);
              if (added.edge) setSelection({ type: 'edge', id: added.edge });
            }}
          />
          <Tabs
            style={{ marginTop: 8 }}
            items={[
              {
                key: 'validation',
                label: `${t('designer.validation.title')}${d.validation.errors.length ? ` (${d.validation.errors.length})` : ''}`,
                children: (
                  <ValidationPanel doc={doc} errors={d.validation.errors} edges={d.edges} onSelect={setSelection} />
                ),
              },
              {
                key: 'simulate',
                label: <span data-testid="designer-tab-simulate">{t('designer.sim.tab')}</span>,
                children: <Simulator def={d.validation.def} onTrail={setTrail} />,
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={9}>
          {/* A region of its own that scrolls: reachable with the keyboard even when every control in it is
              disabled (a published version), and named for screen readers. designer-read-only draws the
              disabled controls' values legibly (a11y.css). */}
          <Card
            size="small"
            title={panelTitle}
            role="region"
            aria-label={panelTitle}
            tabIndex={0}
            className={readOnly ? 'designer-read-only' : undefined}
            style={{ maxHeight: 'calc(100vh - 180px)', overflow: 'auto' }}
          >
            <ConfigProvider componentDisabled={readOnly}>
              {edge ? (
                <TransitionPanel
                  doc={doc}
                  edge={edge}
                  errors={messagesOf(edge.id)}
                  onChange={(next, sel) => {
                    d.edit(next);
                    if (sel) setSelection({ type: 'edge', id: sel });
                  }}
                  onRemoved={() => setSelection(null)}
                />
              ) : stateSelected ? (
                <StatePanel
                  doc={doc}
                  id={stateSelected}
                  errors={messagesOf(stateSelected)}
                  onChange={d.edit}
                  onSelectState={(sid) => setSelection(sid ? { type: 'state', id: sid } : null)}
                  onSelectEdge={(eid) => setSelection({ type: 'edge', id: eid })}
                />
              ) : (
                <WorkflowPanel doc={doc} keyLocked onChange={d.edit} />
              )}
            </ConfigProvider>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
