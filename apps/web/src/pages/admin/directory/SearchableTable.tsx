import { Input, Table, type TableColumnsType } from 'antd';
import { useId, useState } from 'react';
import { filterBy } from './directory-search';

/** A read-only table with a search box above it; wide tables scroll inside their box. */
export function SearchableTable<T extends object>({
  label,
  rows,
  rowKey,
  columns,
  fields,
  loading,
  empty,
}: {
  label: string;
  rows: readonly T[];
  rowKey: keyof T & string;
  columns: TableColumnsType<T>;
  fields: (row: T) => readonly (string | null | undefined)[];
  loading: boolean;
  empty: string;
}) {
  const [query, setQuery] = useState('');
  const id = useId();
  const shown = filterBy(rows, query, fields);
  return (
    <div>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <Input.Search
        id={id}
        allowClear
        placeholder={`${label}（名称、编号等）`}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      <Table<T>
        rowKey={rowKey}
        size="small"
        columns={columns}
        dataSource={shown}
        loading={loading}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: query ? '没有匹配的记录，请换个关键词。' : empty }}
      />
    </div>
  );
}
