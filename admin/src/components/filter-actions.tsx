import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** 查询 / 重置 at the end of a list's filter bar; resetting also re-runs the query. */
export function FilterActions({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
        <Button
          icon={<UndoOutlined />}
          onClick={() => {
            form.resetFields();
            form.submit();
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form.Item>
  );
}
