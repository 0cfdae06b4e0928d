import { CopyOutlined, FileAddOutlined, UploadOutlined } from '@ant-design/icons';
import { TEMPLATES } from '@eduflow/workflows';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useLocalize } from '../../components/localized-text';
import { designerApi } from '../../designer/api';
import { blankDefinition } from '../../designer/model';
import { useDefinitions } from '../../hooks/use-reference-data';
import { isApiError } from '../../providers/http';

type Start = { key: string; nameZh: string; nameEn: string };

/** 新建流程: from scratch, from a built-in workflow or an existing one, or from an exported JSON file. */
export function DefinitionNew() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Start>();
  const [error, setError] = useState<string | null>(null);
  const [source, setSource] = useState<string | undefined>();
  const existing = useDefinitions();
  const sources = [
    ...Object.entries(TEMPLATES).map(([key, d]) => ({
      value: `template:${key}`,
      label: `${t('designer.new.builtIn')} · ${localize(d.name)}`,
    })),
    ...existing.rows.map((d) => ({
      value: `definition:${d.id}`,
      label: `${localize(d.name)} · v${d.version} · ${t(`definitions.filter.${d.status}`)}`,
    })),
  ];

  const done = (id: string) => navigate(`/definitions/${id}/design`);
  const fail = (e: unknown) => {
    const err = isApiError(e) ? e : null;
    const details = err
      ? Object.entries(err.fieldErrors)
          .slice(0, 5)
          .map(([path, m]) => `${path}: ${localize(m)}`)
      : [];
    setError([err?.localized ? localize(err.localized) : t('designer.saveFailed'), ...details].join('\n'));
  };
  const named = async () => {
    const v = await form.validateFields();
    // The API would make this the next version of that workflow; a new workflow needs a key of its own.
    const taken = existing.rows.find((d) => d.key === v.key);
    if (taken) {
      form.setFields([{ name: 'key', errors: [t('designer.new.keyTaken', { name: localize(taken.name) })] }]);
      throw new Error('key taken');
    }
    return { key: v.key, name: { 'zh-CN': v.nameZh, en: v.nameEn || v.nameZh } };
  };
  const blank = async () => {
    const picked = await named().catch(() => null);
    if (!picked) return;
    const { key, name } = picked;
    try {
      done((await designerApi.create({ ...blankDefinition(), key, name })).id);
    } catch (e) {
      fail(e);
    }
  };
  const copy = async () => {
    if (!source) return;
    const picked = await named().catch(() => null);
    if (!picked) return;
    const { key, name } = picked;
    const [kind, ref] = source.split(':');
    try {
      done(
        (await designerApi.clone(kind === 'template' ? { template: ref, key, name } : { definitionId: ref, key, name }))
          .id,
      );
    } catch (e) {
      fail(e);
    }
  };
  const importFile = async (file: File) => {
    try {
      const parsed: unknown = JSON.parse(await file.text());
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      const created = await designerApi.create(parsed);
      void message.success(t('designer.new.imported'));
      done(created.id);
    } catch (e) {
      if (e instanceof SyntaxError || (e instanceof Error && !isApiError(e))) setError(t('designer.new.badFile'));
      else fail(e);
    }
    return false;
  };

  return (
    <Card title={t('designer.new.title')} data-testid="designer-new">
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          style={{ marginBottom: 16, whiteSpace: 'pre-line' }}
          message={error}
        />
      )}
      <Form form={form} layout="vertical" style={{ maxWidth: 720 }}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="nameZh"
              label={t('designer.workflow.nameZh')}
              rules={[{ required: true, message: t('designer.new.nameRequired') }]}
            >
              <Input id="designer-new-name-zh" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('designer.workflow.nameEn')}>
              <Input id="designer-new-name-en" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="key"
          label={t('designer.workflow.key')}
          help={t('designer.workflow.keyHelp')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9-]*$/, message: t('designer.new.keyRule') }]}
        >
          <Input id="designer-new-key" placeholder="after-school-inspection" />
        </Form.Item>
      </Form>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={8}>
          <Card
            size="small"
            title={
              <>
                <FileAddOutlined /> {t('designer.new.blank')}
              </>
            }
          >
            <Typography.Paragraph type="secondary">{t('designer.new.blankHelp')}</Typography.Paragraph>
            <Button type="primary" onClick={() => void blank()} data-testid="designer-new-blank">
              {t('designer.new.create')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card
            size="small"
            title={
              <>
                <CopyOutlined /> {t('designer.new.copy')}
              </>
            }
          >
            <Select
              style={{ width: '100%', marginBottom: 8 }}
              placeholder={t('designer.new.pickSource')}
              options={sources}
              value={source}
              onChange={setSource}
              showSearch
              optionFilterProp="label"
            />
            <Button disabled={!source} onClick={() => void copy()}>
              {t('designer.new.create')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card
            size="small"
            title={
              <>
                <UploadOutlined /> {t('designer.new.import')}
              </>
            }
          >
            <Typography.Paragraph type="secondary">{t('designer.new.importHelp')}</Typography.Paragraph>
            <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(file) => importFile(file)}>
              <Button icon={<UploadOutlined />}>{t('designer.new.pickFile')}</Button>
            </Upload>
          </Card>
        </Col>
      </Row>
    </Card>
  );
}
