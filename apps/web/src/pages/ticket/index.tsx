import { Result } from 'antd';
import { usePageTitle } from '../../app/PageTitle';

export default function Page() {
  usePageTitle('ticket');
  return <Result status="info" title="建设中" />;
}
