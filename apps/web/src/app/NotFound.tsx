import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from './PageTitle';

export function NotFound() {
  usePageTitle('页面不存在');
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="地址可能有误，或该页面已移动。"
      extra={
        <Link to="/">
          <Button type="primary">回到首页</Button>
        </Link>
      }
    />
  );
}
