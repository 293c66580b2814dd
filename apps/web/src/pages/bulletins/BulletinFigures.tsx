import { Descriptions } from 'antd';
import type { BulletinFigures as Figures } from '../../api/types';
import { percentText } from '../dashboard/chart-data';

const count = (n: number) => `${n} 件`;

/** The period's figures (of tickets received in it); a handler's are their department's. */
export function BulletinFigures({ figures }: { figures: Figures }) {
  if (!figures) return null;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'total', label: '受理工单', children: count(figures.total) },
        { key: 'direct', label: '直接答复率', children: percentText(figures.directAnswerRate) },
        {
          key: 'dispatch',
          label: '2小时内转办率',
          children: percentText(figures.dispatchedWithin2hRate),
        },
        { key: 'ontime', label: '按时反馈率', children: percentText(figures.feedbackOnTimeRate) },
        { key: 'overdue', label: '逾期', children: count(figures.overdue) },
        { key: 'reminded', label: '催办', children: count(figures.reminded) },
        { key: 'bulletined', label: '通报', children: count(figures.bulletined) },
        { key: 'callback', label: '回访率', children: percentText(figures.callbackRate) },
        { key: 'satisfied', label: '满意率', children: percentText(figures.satisfactionRate) },
      ]}
    />
  );
}
