import { Button, Col, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { previousWeek } from './bulletin-view';
import { useGenerateBulletin } from './useBulletins';

/** `生成通报` for a period (last week unless changed); opens the new bulletin when done. */
export function GenerateBulletinForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [period, setPeriod] = useState(() => previousWeek(Date.now()));
  const generate = useGenerateBulletin();
  const problem =
    !period.from || !period.to
      ? '请选择通报期间的开始和结束日期'
      : period.from > period.to
        ? '开始日期不能晚于结束日期'
        : null;

  return (
    <Form
      layout="vertical"
      component="div"
      className="bulletin-generate"
      disabled={generate.isPending}
    >
      <Row gutter={[12, 0]} align="bottom">
        <Col xs={12} md={7} lg={6}>
          <Form.Item label="开始日期" htmlFor="bulletin-from">
            <Input
              id="bulletin-from"
              type="date"
              value={period.from}
              max={period.to}
              onChange={(e) => setPeriod({ ...period, from: e.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={7} lg={6}>
          <Form.Item
            label="结束日期"
            htmlFor="bulletin-to"
            validateStatus={problem ? 'error' : undefined}
            help={problem}
          >
            <Input
              id="bulletin-to"
              type="date"
              value={period.to}
              min={period.from}
              onChange={(e) => setPeriod({ ...period, to: e.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10} lg={12}>
          <Form.Item>
            <Button
              type="primary"
              loading={generate.isPending}
              disabled={!!problem}
              onClick={() =>
                generate.mutate(period, { onSuccess: (bulletin) => onCreated(bulletin.id) })
              }
            >
              生成通报
            </Button>
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph className="text-muted" style={{ marginTop: -8 }}>
        列出期间内被通报和逾期的工单（按承办部门、承办人），并附期间各项指标；生成后通知相关部门负责人和主管。每周一
        9:00 也会自动生成上一周的通报。
      </Typography.Paragraph>
      <ErrorAlert error={generate.error} title="生成通报失败" />
    </Form>
  );
}
