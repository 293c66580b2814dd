import { Card, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/PageTitle';
import { BulletinDrawer } from './BulletinDrawer';
import { BulletinTable } from './BulletinTable';
import { GenerateBulletinForm } from './GenerateBulletinForm';
import './bulletins.css';

export default function BulletinsPage() {
  usePageTitle('情况通报');
  const [search, setSearch] = useSearchParams();
  const openId = search.get('id');
  const page = Math.max(1, Number(search.get('page')) || 1);

  const update = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(change)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearch(next);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="aa-contrast">
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          情况通报
        </Typography.Title>
        <Typography.Text className="text-muted">
          通报催办后仍未反馈的工单和逾期工单，按承办部门和承办人列出。
        </Typography.Text>
      </div>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>生成通报</h2>}>
        <GenerateBulletinForm onCreated={(id) => update({ id, page: null })} />
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>历次通报</h2>}>
        <BulletinTable
          page={page}
          onPage={(p) => update({ page: p > 1 ? String(p) : null })}
          onOpen={(id) => update({ id })}
        />
      </Card>
      <BulletinDrawer id={openId} onClose={() => update({ id: null })} />
    </Space>
  );
}
