import { Result } from 'antd';
import { usePageTitle } from '../../app/PageTitle';

export default function Page() {
  usePageTitle('intake');
  return <Result status="info" title="建设中" />;
}
