import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { List } from '@refinedev/antd';
import { useList } from '@refinedev/core';
import { Button, Card, Col, Descriptions, Empty, Input, Row, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorResult } from '../../components/error-result';
import { ExportButton } from '../../components/export-button';
import { ImportModal } from '../../components/import-modal';
import { useCan } from '../../hooks/use-can';
import { OrgEditForm, type OrgRow } from './org-edit-form';

/** 组织机构: district → education groups → schools as a tree; the admin edits a node or adds a child. */
export function OrgTreePage() {
  const { t } = useTranslation();
  const canEdit = useCan('update', 'Organisation');
  const { result, query } = useList<OrgRow>({ resource: 'orgs', pagination: { mode: 'off' } });
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [filter, setFilter] = useState('');
  const [importOpen, setImportOpen] = useState(false);
  const orgs = useMemo(() => result.data ?? [], [result.data]);
  const byId = useMemo(() => new Map(orgs.map((o) => [o.id, o])), [orgs]);
  const tree = useMemo(() => {
    const children = (parentId: string | null): DataNode[] =>
      orgs
        .filter((o) => o.parentId === parentId && o.type !== 'department')
        .map((o) => {
          const kids = children(o.id);
          const hit = !filter || o.name.includes(filter) || kids.length > 0;
          return hit
            ? {
                key: o.id,
                title: `${o.name}${o.type === 'group' ? `（${kids.length}）` : ''}`,
                children: kids.length ? kids : undefined,
                isLeaf: kids.length === 0,
              }
            : null;
        })
        .filter((n): n is NonNullable<typeof n> => n !== null);
    return children(null);
  }, [orgs, filter]);
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const org = selected ? (byId.get(selected) ?? null) : null;
  const parent = org?.parentId ? (byId.get(org.parentId) ?? null) : null;
  return (
    <List
      title={t('orgs.orgs')}
      breadcrumb={false}
      headerButtons={
        <Space wrap>
          <ExportButton list="orgs" fileName={t('orgs.orgs')} />
          {canEdit && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {t('imports.button')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('orgs.tree')}>
            <Input.Search
              allowClear
              placeholder={t('orgs.filter')}
              onChange={(e) => setFilter(e.target.value.trim())}
              style={{ marginBottom: 8 }}
              aria-label={t('orgs.filter')}
            />
            <Tree
              treeData={tree}
              defaultExpandAll={false}
              defaultExpandedKeys={tree.map((n) => n.key)}
              expandedKeys={filter ? orgs.map((o) => o.id) : undefined}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => {
                setSelected(keys.length ? String(keys[0]) : null);
                setAdding(false);
              }}
              height={560}
              data-testid="org-tree"
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={org ? (adding ? t('orgs.addUnder', { name: org.name }) : org.name) : t('orgs.pickNode')}
            extra={
              org && canEdit && org.type !== 'school' && !adding ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  {t('orgs.createChild', { type: t(`orgs.types.${org.type === 'district' ? 'group' : 'school'}`) })}
                </Button>
              ) : null
            }
          >
            {!org ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.pickNodeHint')} />
            ) : (
              <>
                {!adding && (
                  <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
                    <Descriptions.Item label={t('orgs.type')}>
                      <Tag>{t(`orgs.types.${org.type}`)}</Tag>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('orgs.parent')}>
                      {parent?.name ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
                    </Descriptions.Item>
                  </Descriptions>
                )}
                <OrgEditForm
                  org={adding ? null : org}
                  parent={adding ? org : parent}
                  canEdit={canEdit}
                  onReload={async () => {
                    await query.refetch();
                  }}
                  onSaved={(saved) => {
                    setAdding(false);
                    setSelected(saved.id);
                    void query.refetch();
                  }}
                />
              </>
            )}
          </Card>
        </Col>
      </Row>
      <ImportModal
        kind="schools"
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onImported={() => void query.refetch()}
      />
    </List>
  );
}
