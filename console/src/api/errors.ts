/**
 * Errors the API answers, shown in Chinese: a message already in Chinese (the importer's, the row
 * checks') passes through; an English one is replaced by the Chinese for its stable code, the
 * original kept as the detail.
 */

/** The stable codes of the platform (kernel ErrorCode, the gateway's limits, the importer's upload refusals). */
export const CODE_MESSAGES: Readonly<Record<string, string>> = {
  UNAUTHENTICATED: '登录已失效或令牌无效，请重新登录',
  FORBIDDEN: '当前角色无权进行此操作',
  NOT_FOUND: '要找的记录不存在，或不在您的权限范围内',
  BAD_USER_INPUT: '输入有误，请检查后重试',
  BAD_REQUEST: '请求格式有误',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  UNAVAILABLE: '服务暂时不可用，请稍后重试',
  INTERNAL_SERVER_ERROR: '服务器内部错误，请稍后重试或联系管理员',
  REQUEST_TIMEOUT: '请求超时，请稍后重试',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  QUERY_TOO_DEEP: '查询嵌套层级过深',
  QUERY_TOO_COSTLY: '查询的数据量过大，请缩小每页条数或减少字段',
  TOO_MANY_ALIASES: '查询中的别名过多',
  TOO_MANY_OPERATIONS: '一次请求中的操作过多',
  QUERY_TOO_LARGE: '查询语句过长，请拆分或减少字段',
  RESPONSE_TOO_LARGE: '返回的数据量过大，请缩小每页条数或减少字段',
  RATE_LIMITED: '请求过于频繁，请稍后重试',
  OPERATION_RESOLUTION_FAILURE: '请求没有指明要执行的操作',
  GRAPHQL_PARSE_FAILED: '查询语句有语法错误',
  GRAPHQL_VALIDATION_FAILED: '查询语句与接口定义不符',
  PERSISTED_QUERY_NOT_FOUND: '查询未找到',
  PERSISTED_QUERY_NOT_TRUSTED: '此查询不在受信任的查询清单中，生产环境不予执行',
  UPLOAD_TOO_LARGE: '文件超过了上传大小限制',
  UPLOAD_ABORTED: '上传被中断，请重新上传',
  NOT_MULTIPART: '上传格式有误（需要 multipart/form-data）',
  BAD_MULTIPART: '上传格式有误',
  FILE_REQUIRED: '请选择要上传的文件',
  EMPTY_FILE: '文件是空的',
  UNKNOWN_KIND: '未知的导入类型',
  CONSOLE_NOT_BUILT: '控制台尚未构建',
  NETWORK: '无法连接服务器，请检查网络后重试',
  REPORT_ALREADY_FROZEN: '该年度报表已冻结，请先解除冻结',
  REPORT_NOT_FROZEN: '该年度报表没有冻结',
  UNFREEZE_REASON_REQUIRED: '解除冻结必须填写原因',
  FREEZE_INCOMPLETE: '报表未能冻结，所有服务均未冻结',
};

const HAS_CHINESE = /[\u3400-\u9fff]/;

/** An error of the API (GraphQL or HTTP), with its stable code and the message to show. */
export class ApiError extends Error {
  constructor(
    /** what a person reads, in Chinese */
    message: string,
    readonly code: string,
    /** the API's own words when they were not Chinese */
    readonly detail?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The Chinese message for an error the API answered.
 * @example toChinese('NOT_FOUND', 'No teacher with id "x"') // { message: '要找的记录不存在…', detail: 'No teacher with id "x"' }
 */
export function toChinese(code: string | undefined, message: string | undefined): { message: string; detail?: string } {
  const text = (message ?? '').trim();
  if (text && HAS_CHINESE.test(text)) return { message: text };
  const known = code ? CODE_MESSAGES[code] : undefined;
  return { message: known ?? `请求失败${code ? `（${code}）` : ''}`, detail: text || undefined };
}

/** An ApiError from a GraphQL error (`{ message, extensions: { code } }`) or an HTTP route's `{ error: { code, message } }`. */
export function apiError(e: { message?: string; extensions?: { code?: unknown }; code?: unknown } | undefined, status?: number): ApiError {
  const code = typeof e?.extensions?.code === 'string' ? e.extensions.code : typeof e?.code === 'string' ? e.code : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'INTERNAL_SERVER_ERROR';
  const { message, detail } = toChinese(code, e?.message);
  return new ApiError(message, code, detail, status);
}
