import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { parsePhone } from '../../../../../libs/domain/src/phone';
import type { TicketType } from '../../lib/labels';
import { COMPLAINT_LABELS, optionsOf, TYPE_LABELS } from '../../lib/labels';
import { showsComplaintFields } from './ticket-body';

const TYPE_OPTIONS = optionsOf(TYPE_LABELS);
const COMPLAINT_OPTIONS = optionsOf(COMPLAINT_LABELS);

/** The API's own words for what Article 2 requires, so the form and the API say the same. */
const REQUIRED = {
  name: '来电人姓名不能为空（第二条：每电必登）',
  phone: '联系电话不能为空（第二条：每电必登）',
  type: '请选择来电类型（第三条）',
  category: '投诉举报类工单须选择投诉类别',
  content: '反映事项的主要内容不能为空（第二条：每电必登）',
  answer: '直接答复的工单须填写答复内容',
};

const phoneFormat = {
  validateTrigger: 'onBlur',
  validator: async (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return;
    const parsed = parsePhone(value);
    if (!parsed.ok) throw new Error(parsed.message);
  },
};

const FLAGS = [
  { name: 'urgent', label: '紧急' },
  { name: 'abusive', label: '辱骂或无理缠访' },
  { name: 'litigationRights', label: '涉及诉权' },
  { name: 'couldNotReachJudge', label: '联系不上法官' },
] as const;

/** The call's fields in the order an agent takes them down (UI.md's names as labels). */
export function CallFields({
  type,
  answerRequired,
}: {
  type: TicketType | undefined;
  answerRequired: boolean;
}) {
  const complaint = showsComplaintFields(type);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12} xl={8}>
          <Form.Item
            label="来电人姓名"
            name={['caller', 'name']}
            rules={[{ required: true, whitespace: true, message: REQUIRED.name }]}
          >
            <Input autoFocus autoComplete="off" maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={8}>
          <Form.Item
            label="来电号码"
            name={['caller', 'phone']}
            validateTrigger={['onChange', 'onBlur']}
            rules={[{ required: true, whitespace: true, message: REQUIRED.phone }, phoneFormat]}
          >
            <Input type="tel" inputMode="tel" autoComplete="off" maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={8}>
          <Form.Item
            label="来电类型"
            name="type"
            rules={[{ required: true, message: REQUIRED.type }]}
          >
            <Select
              options={TYPE_OPTIONS}
              virtual={false}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择或输入类型"
            />
          </Form.Item>
        </Col>
        {complaint && (
          <Col xs={24} sm={12} xl={8}>
            <Form.Item
              label="投诉类别"
              name={['complaint', 'category']}
              rules={[{ required: true, message: REQUIRED.category }]}
            >
              <Select
                options={COMPLAINT_OPTIONS}
                virtual={false}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择投诉类别"
              />
            </Form.Item>
          </Col>
        )}
        {complaint && (
          <Col xs={24} sm={12} xl={16} className="intake-clues">
            <Form.Item name={['complaint', 'specificClues']} valuePropName="checked">
              <Checkbox aria-describedby="intake-clues-hint">有具体线索</Checkbox>
            </Form.Item>
            <span id="intake-clues-hint" className="intake-hint">
              违纪违法线索明确具体的，转违法违纪举报中心（第四条第六项）
            </span>
          </Col>
        )}
      </Row>
      <Form.Item label="案号" name="caseNumber">
        <Input autoComplete="off" maxLength={60} placeholder="如 (2026)豫0782民初1号" />
      </Form.Item>
      <Form.Item
        label="来电内容"
        name="content"
        rules={[{ required: true, whitespace: true, message: REQUIRED.content }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item
        label="答复内容"
        name="answer"
        rules={[{ required: answerRequired, whitespace: true, message: REQUIRED.answer }]}
        extra={answerRequired ? '处理建议为直接答复：须填写答复内容，提交后工单即办结' : undefined}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <fieldset className="intake-flags">
        <legend className="intake-flags-label">标记</legend>
        {FLAGS.map((flag) => (
          <Form.Item key={flag.name} name={['flags', flag.name]} valuePropName="checked" noStyle>
            <Checkbox>{flag.label}</Checkbox>
          </Form.Item>
        ))}
      </fieldset>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="来电时间" name="ringAt">
            <Input type="datetime-local" step={1} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="接听时间" name="answeredAt">
            <Input type="datetime-local" step={1} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
