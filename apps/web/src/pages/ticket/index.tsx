import { Button, Result } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { useDirectory } from '../../api/useDirectory';
import { PageSkeleton } from '../../app/PageSkeleton';
import { usePageTitle } from '../../app/PageTitle';
import { hasRole } from '../../auth/session';
import { useSession } from '../../auth/useSession';
import { ErrorAlert } from '../../components/ErrorAlert';
import { availableActions } from './actions';
import { departmentsHeadedBy } from './directory';
import { TicketPage } from './TicketPage';
import { useTicket } from './useTicket';
import './ticket.css';

export default function TicketRoute() {
  const { id = '' } = useParams();
  usePageTitle(`工单 ${id}`);
  const session = useSession();
  const navigate = useNavigate();
  const ticket = useTicket(id);
  const directory = useDirectory();

  if (ticket.isPending) return <PageSkeleton />;
  if (ticket.isError) {
    if (ticket.error instanceof ApiError && ticket.error.status === 404) {
      return (
        <Result
          status="404"
          title={<h1 className="result-title">工单不存在</h1>}
          subTitle={`没有编号为 ${id} 的工单，请核对工单号后重新查询。`}
          extra={
            <Button type="primary" onClick={() => navigate('/tickets')}>
              去工单查询
            </Button>
          }
        />
      );
    }
    return (
      <div>
        <ErrorAlert error={ticket.error} title={`无法打开工单 ${id}`} />
        <Button onClick={() => void ticket.refetch()}>重试</Button>
      </div>
    );
  }

  const user = session?.user;
  const viewer = {
    id: user?.id ?? '',
    roles: user?.roles ?? [],
    headOf: user ? departmentsHeadedBy(directory.data, user.id) : [],
  };
  return (
    <TicketPage
      ticket={ticket.data}
      directory={directory.data}
      actions={availableActions(ticket.data, viewer)}
      isAdmin={hasRole(user, 'admin')}
    />
  );
}
