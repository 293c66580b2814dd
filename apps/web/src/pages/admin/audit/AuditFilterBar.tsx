import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { DateFilterInput } from '../../../components/DateFilterInput';
import type { DirectoryPerson } from '../directory/useCourtDirectory';
import type { AuditFilters } from './audit-filters';

type Change = Partial<Omit<AuditFilters, 'page'>>;

/** Person, ticket and time; the ticket number is applied on Enter or when leaving the field. */
export function AuditFilterBar({
  filters,
  people,
  onChange,
  onClear,
}: {
  filters: AuditFilters;
  people: Pick<DirectoryPerson, 'id' | 'name'>[];
  onChange: (change: Change) => void;
  onClear: () => void;
}) {
  const [ticket, setTicket] = useState(filters.ticketId ?? '');
  useEffect(() => setTicket(filters.ticketId ?? ''), [filters.ticketId]);
  const applyTicket = () => {
    if ((filters.ticketId ?? '') !== ticket.trim())
      onChange({ ticketId: ticket.trim() || undefined });
  };
  return (
    <Form layout="vertical" component="div" className="audit-filters">
      <Row gutter={[12, 0]}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="人员" htmlFor="audit-actor">
            <Select<string>
              id="audit-actor"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部人员"
              value={filters.actor}
              options={people.map((p) => ({ value: p.id, label: `${p.name}（${p.id}）` }))}
              onChange={(actor) => onChange({ actor })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="工单号" htmlFor="audit-ticket">
            <Input
              id="audit-ticket"
              placeholder="如 T20261202-0001"
              allowClear
              value={ticket}
              onChange={(e) => setTicket(e.target.value)}
              onPressEnter={applyTicket}
              onBlur={applyTicket}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item label="开始日期" htmlFor="audit-from">
            <DateFilterInput
              id="audit-from"
              value={filters.from}
              max={filters.to}
              onChange={(from) => onChange({ from })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item label="结束日期" htmlFor="audit-to">
            <DateFilterInput
              id="audit-to"
              value={filters.to}
              min={filters.from}
              onChange={(to) => onChange({ to })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={4} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 12 }}>
          <Button onClick={onClear}>清除筛选</Button>
        </Col>
      </Row>
    </Form>
  );
}
