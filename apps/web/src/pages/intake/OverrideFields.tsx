import { Button, Form, Input, Select, Typography } from 'antd';
import { useMemo } from 'react';
import {
  actionOptions,
  type DirectoryView,
  defaultActionFor,
  findPerson,
  targetGroups,
} from './override-targets';

const REQUIRED = {
  target: '请选择改派对象',
  action: '请选择改派方式',
  reason: '改变系统建议的处理方式须说明理由',
};

/**
 * `改派`: the agent hands the call to someone else than the rules propose, with a reason. The
 * fields live in the main form, so the API's `override.*` errors land on them.
 */
export function OverrideFields({
  onClose,
  directory,
  directoryLoading,
}: {
  onClose: () => void;
  directory: DirectoryView | undefined;
  directoryLoading: boolean;
}) {
  const form = Form.useFormInstance();
  const targetId = Form.useWatch(['override', 'targetId'], form) as string | undefined;
  const target = findPerson(directory, targetId);
  const groups = useMemo(() => (directory ? targetGroups(directory) : []), [directory]);

  return (
    <fieldset className="intake-override">
      <div className="intake-override-head">
        <legend className="intake-override-title">改派</legend>
        <Typography.Text type="secondary">不采用系统建议，改由指定人员办理</Typography.Text>
        <Button size="small" onClick={onClose}>
          恢复系统建议
        </Button>
      </div>
      <Form.Item
        label="改派对象"
        name={['override', 'targetId']}
        rules={[{ required: true, message: REQUIRED.target }]}
      >
        <Select
          autoFocus
          loading={directoryLoading}
          options={groups}
          virtual={false}
          showSearch={{ optionFilterProp: 'search' }}
          placeholder="输入姓名或部门查找"
          onChange={(id: string) =>
            form.setFieldValue(
              ['override', 'action'],
              defaultActionFor(findPerson(directory, id)?.role),
            )
          }
        />
      </Form.Item>
      {target && (
        <Form.Item
          label="改派方式"
          name={['override', 'action']}
          rules={[{ required: true, message: REQUIRED.action }]}
          extra={
            target?.role === 'leader'
              ? '层报院领导：第四条第七项；立即层报：第四条第八项，未确认时逐级上报'
              : undefined
          }
        >
          <Select options={actionOptions(target?.role)} virtual={false} />
        </Form.Item>
      )}
      <Form.Item
        label="改派理由"
        name={['override', 'reason']}
        rules={[{ required: true, whitespace: true, message: REQUIRED.reason }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
    </fieldset>
  );
}
