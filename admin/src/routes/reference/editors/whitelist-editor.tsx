import { Card, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { BurdenListEditor } from './burden-list-editor';
import { DATE_FORMAT, dateCell } from './cells';
import { EditableRows } from './editable-rows';

const SCHOOL_KINDS = ['secondary', 'primary', 'kindergarten'];

/**
 * 社会事务进校园白名单 for one year: the year's caps, every whitelisted item (fields of the workflows'
 * `zWhitelistItem`), the teacher-burden list and the leading group's emergency additions.
 */
export function WhitelistEditor() {
  const { t } = useTranslation();
  const required = { required: true, message: t('refedit.required') };
  return (
    <>
      <Card size="small" title={t('refedit.whitelist.settings')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['content', 'year']} label={t('refedit.whitelist.year')} rules={[required]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['content', 'schoolCapPerSemester']}
              label={t('refedit.whitelist.schoolCap')}
              tooltip={t('refedit.whitelist.schoolCapHint')}
              rules={[required]}
            >
              <InputNumber min={1} precision={0} addonAfter={t('refedit.units.times')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['content', 'leadTimeDays']}
              label={t('refedit.whitelist.leadTime')}
              tooltip={t('refedit.whitelist.leadTimeHint')}
              rules={[required]}
            >
              <InputNumber min={0} precision={0} addonAfter={t('refedit.units.days')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('refedit.whitelist.items')} style={{ marginBottom: 16 }}>
        <EditableRows
          name={['content', 'items']}
          testId="refedit-items"
          addLabel={t('refedit.whitelist.add')}
          newRow={() => ({
            code: '',
            name: '',
            leadUnit: '',
            basis: '',
            content: '',
            form: '',
            scope: [],
            window: {},
            frequencyPerSemester: 1,
          })}
          columns={[
            {
              key: 'code',
              title: t('refedit.cols.code'),
              path: ['code'],
              required: true,
              width: 90,
              fixed: 'left',
              input: <Input />,
            },
            {
              key: 'name',
              title: t('refedit.whitelist.name'),
              path: ['name'],
              required: true,
              width: 150,
              fixed: 'left',
              input: <Input />,
            },
            {
              key: 'leadUnit',
              title: t('refedit.whitelist.leadUnit'),
              path: ['leadUnit'],
              required: true,
              width: 170,
              input: <Input />,
            },
            {
              key: 'basis',
              title: t('refedit.whitelist.basis'),
              path: ['basis'],
              required: true,
              width: 220,
              input: <Input.TextArea autoSize={{ maxRows: 3 }} />,
            },
            {
              key: 'content',
              title: t('refedit.whitelist.content'),
              path: ['content'],
              required: true,
              width: 200,
              input: <Input.TextArea autoSize={{ maxRows: 3 }} />,
            },
            {
              key: 'form',
              title: t('refedit.whitelist.form'),
              path: ['form'],
              required: true,
              width: 110,
              input: <Input />,
            },
            {
              key: 'scope',
              title: t('refedit.whitelist.scope'),
              path: ['scope'],
              width: 170,
              input: (
                <Select
                  mode="tags"
                  placeholder={t('refedit.whitelist.scopeAll')}
                  options={SCHOOL_KINDS.map((k) => ({ value: k, label: t(`orgs.kinds.${k}`) }))}
                />
              ),
            },
            {
              key: 'from',
              title: t('refedit.whitelist.from'),
              path: ['window', 'from'],
              required: true,
              width: 140,
              input: <DatePicker format={DATE_FORMAT} />,
              rules: [required],
              ...dateCell,
            },
            {
              key: 'to',
              title: t('refedit.whitelist.to'),
              path: ['window', 'to'],
              required: true,
              width: 140,
              input: <DatePicker format={DATE_FORMAT} />,
              rules: [required],
              ...dateCell,
            },
            {
              key: 'frequency',
              title: t('refedit.whitelist.frequency'),
              path: ['frequencyPerSemester'],
              required: true,
              width: 110,
              rules: [required],
              input: <InputNumber min={1} precision={0} style={{ width: '100%' }} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('refedit.burden.title')} style={{ marginBottom: 16 }}>
        <BurdenListEditor />
      </Card>
      <EmergencyApprovalsEditor />
    </>
  );
}

type ItemNames = { content?: { items?: Array<{ code?: string; name?: string } | undefined> } };

/**
 * The leading group's emergency additions, each naming a whitelist item. It watches only the items'
 * codes and names (not every cell), so typing in the 14-row table above does not re-render it.
 */
function EmergencyApprovalsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const items = (Form.useWatch(
    (v: ItemNames) => (v?.content?.items ?? []).map((i) => ({ code: i?.code, name: i?.name })),
    form,
  ) ?? []) as Array<{ code?: string; name?: string }>;
  const required = { required: true, message: t('refedit.required') };
  return (
    <Card size="small" title={t('refedit.emergency.title')} extra={t('refedit.emergency.hint')}>
      <EditableRows
        name={['content', 'emergencyApprovals']}
        testId="refedit-emergency"
        addLabel={t('refedit.emergency.add')}
        newRow={() => ({ no: '', itemCode: undefined, approvedOn: undefined })}
        columns={[
          {
            key: 'no',
            title: t('refedit.emergency.no'),
            path: ['no'],
            required: true,
            width: 240,
            input: <Input maxLength={60} />,
          },
          {
            key: 'itemCode',
            title: t('refedit.emergency.item'),
            path: ['itemCode'],
            required: true,
            rules: [required],
            width: 220,
            input: (
              <Select
                options={items
                  .filter((i) => i?.code)
                  .map((i) => ({ value: i.code, label: `${i.code} ${i.name ?? ''}` }))}
              />
            ),
          },
          {
            key: 'approvedOn',
            title: t('refedit.emergency.approvedOn'),
            path: ['approvedOn'],
            required: true,
            rules: [required],
            width: 160,
            input: <DatePicker format={DATE_FORMAT} />,
            ...dateCell,
          },
        ]}
      />
    </Card>
  );
}
