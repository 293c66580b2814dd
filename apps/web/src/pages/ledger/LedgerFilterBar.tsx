import { Button, Col, Form, Row, Select } from 'antd';
import { DateFilterInput } from '../../components/DateFilterInput';
import { labelOf, STATUS_LABELS, TYPE_LABELS } from '../../lib/labels';
import type { DirectoryDepartment } from '../admin/directory/useCourtDirectory';
import {
  LEDGER_STATUSES,
  LEDGER_TYPES,
  type LedgerFilters,
  type LedgerStatus,
  type LedgerType,
  rangeProblem,
} from './ledger-filters';

type Change = Partial<Omit<LedgerFilters, 'page' | 'limit'>>;

const typeOptions = LEDGER_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }));
const statusOptions = LEDGER_STATUSES.map((value) => ({
  value,
  label: labelOf(STATUS_LABELS, value),
}));

/**
 * The ledger's filters; every change goes straight to the URL (the page's state), so a
 * filtered ledger can be bookmarked or sent on.
 */
export function LedgerFilterBar({
  filters,
  departments,
  departmentsLoading,
  ownDepartment,
  onChange,
  onClear,
}: {
  filters: LedgerFilters;
  departments: DirectoryDepartment[];
  departmentsLoading: boolean;
  /** A handler's department: the only one they may see. */
  ownDepartment: string | null;
  onChange: (change: Change) => void;
  onClear: () => void;
}) {
  const problem = rangeProblem(filters);
  return (
    <Form layout="vertical" className="ledger-filters" component="div">
      <Row gutter={[12, 0]}>
        <Col xs={12} md={8} xl={4}>
          <Form.Item label="开始日期" htmlFor="ledger-from">
            <DateFilterInput
              id="ledger-from"
              value={filters.from}
              max={filters.to}
              onChange={(from) => onChange({ from })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Form.Item
            label="结束日期"
            htmlFor="ledger-to"
            validateStatus={problem ? 'error' : undefined}
            help={problem}
          >
            <DateFilterInput
              id="ledger-to"
              value={filters.to}
              min={filters.from}
              invalid={!!problem}
              onChange={(to) => onChange({ to })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Form.Item label="类型" htmlFor="ledger-type">
            <Select<LedgerType>
              id="ledger-type"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部类型"
              options={typeOptions}
              value={filters.type}
              onChange={(type) => onChange({ type })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Form.Item label="状态" htmlFor="ledger-status">
            <Select<LedgerStatus>
              id="ledger-status"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部状态"
              options={statusOptions}
              value={filters.status}
              onChange={(status) => onChange({ status })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={5}>
          <Form.Item
            label="部门"
            htmlFor="ledger-department"
            extra={ownDepartment ? '承办人只能查看本部门的台账' : undefined}
          >
            <Select<string>
              id="ledger-department"
              allowClear={!ownDepartment}
              disabled={!!ownDepartment}
              loading={departmentsLoading}
              placeholder="全部部门"
              showSearch={{ optionFilterProp: 'label' }}
              options={departments.map((d) => ({ value: d.id, label: d.name }))}
              value={ownDepartment ?? filters.departmentId}
              onChange={(departmentId) => onChange({ departmentId })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={3} className="ledger-filters-clear">
          <Button onClick={onClear}>清除筛选</Button>
        </Col>
      </Row>
    </Form>
  );
}
