import { Button, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { labelOf, optionsOf, STATUS_LABELS, TYPE_LABELS } from '../../lib/labels';
import { NativeSelect } from './NativeSelect';
import { SEARCHABLE_STATUSES, type SearchFilters } from './search-filters';

export interface SearchFormValues {
  q?: string;
  ticketId?: string;
  phone?: string;
  caseNumber?: string;
  status?: string;
  type?: string;
  redLight?: 'true' | 'false';
  from?: Dayjs | null;
  to?: Dayjs | null;
}

const STATUS_OPTIONS = SEARCHABLE_STATUSES.map((value) => ({
  value,
  label: labelOf(STATUS_LABELS, value),
}));
const RED_LIGHT_OPTIONS = [
  { value: 'true', label: '是（红灯）' },
  { value: 'false', label: '否' },
];

export function valuesOf(filters: SearchFilters): SearchFormValues {
  return {
    q: filters.q,
    phone: filters.phone,
    caseNumber: filters.caseNumber,
    status: filters.status,
    type: filters.type,
    redLight: filters.redLight,
    from: filters.from ? dayjs(filters.from) : null,
    to: filters.to ? dayjs(filters.to) : null,
  };
}

const wide = { xs: 24, sm: 12, lg: 8, xl: 6 };
const half = { xs: 12, sm: 12, lg: 8, xl: 6 };
const third = { xs: 8, sm: 8, lg: 8, xl: 6 };

/** The search's fields (UI.md): names as the API's parameters, so its field errors land here. */
export function SearchForm({
  filters,
  onSearch,
  onReset,
  form,
}: {
  filters: SearchFilters;
  onSearch: (values: SearchFormValues) => void;
  onReset: () => void;
  form: ReturnType<typeof Form.useForm<SearchFormValues>>[0];
}) {
  useEffect(() => {
    form.setFieldsValue({ ...valuesOf(filters), ticketId: undefined });
  }, [filters, form]);

  return (
    <Form
      name="ticketSearch"
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onSearch}
      initialValues={valuesOf(filters)}
      role="search"
      aria-label="工单查询条件"
      className="tickets-search"
    >
      <Row gutter={[12, 0]}>
        <Col {...wide}>
          <Form.Item label="关键词" name="q">
            <Input allowClear placeholder="工单号、来电号码或案号" />
          </Form.Item>
        </Col>
        <Col {...wide}>
          <Form.Item
            label="工单号"
            name="ticketId"
            rules={[
              {
                pattern: /^\s*[Tt]\d{8}-\d{4,}\s*$/,
                message: '工单号形如 T20261128-0001',
              },
            ]}
          >
            <Input allowClear placeholder="T20261128-0001，直接打开工单" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="来电号码" name="phone">
            <Input allowClear inputMode="tel" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="案号" name="caseNumber">
            <Input allowClear placeholder="(2026)豫0782民初1号" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="状态" name="status">
            <NativeSelect options={STATUS_OPTIONS} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="类型" name="type">
            <NativeSelect options={optionsOf(TYPE_LABELS)} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="红灯" name="redLight">
            <NativeSelect options={RED_LIGHT_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={4} xl={3}>
          <Form.Item label="开始日期" name="from">
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={4} xl={3}>
          <Form.Item label="结束日期" name="to">
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="不限" />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
        <Button onClick={onReset}>重置</Button>
      </Space>
    </Form>
  );
}
