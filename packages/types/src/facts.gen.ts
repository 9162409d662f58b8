// This file is generated from spec/alipay.marketing.voucher.send.yaml by packages/types/scripts/generate.ts.
// Do not edit it by hand: change the spec, then run `pnpm --filter @aopkit/types generate`.

/** The operation's `method` parameter. */
export const METHOD = 'alipay.marketing.voucher.send' as const;

/** The key of the operation's response node: the method with dots as underscores, plus `_response`. */
export const RESPONSE_NODE = 'alipay_marketing_voucher_send_response' as const;

/** The key under which gateway-level failures may come instead of the response node. */
export const ERROR_RESPONSE_NODE = 'error_response' as const;

/** The operation's path: every call is a POST (or GET) to it. */
export const GATEWAY_PATH = '/gateway.do' as const;

/** The gateway URL of each environment: the spec's server plus the operation's path. */
export const GATEWAYS = {
  production: 'https://openapi.alipay.com/gateway.do',
  sandbox: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do',
} as const;

/** The rules the spec declares for one string field of the wire (its description is in a table of its own). */
export interface FieldRule {
  readonly required: boolean;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  /**
   * The values aopkit sends, a subset of `enum` (`x-aopkit-sends`): the gateway also takes other
   * spellings (the Java SDK's `UTF-8`, `json`), signed as sent.
   */
  readonly sends?: readonly string[];
}

/** The rules of every common request parameter (CommonRequestParams), `biz_content` included. */
export const COMMON_PARAMS = {
  app_id: {
    required: true,
    maxLength: 32,
  },
  method: {
    required: true,
    maxLength: 128,
    enum: ['alipay.marketing.voucher.send'],
  },
  format: {
    required: false,
    maxLength: 40,
    enum: ['JSON', 'json'],
    sends: ['JSON'],
  },
  charset: {
    required: true,
    maxLength: 10,
    enum: ['utf-8', 'gbk', 'gb2312', 'UTF-8', 'GBK', 'GB2312'],
    sends: ['utf-8', 'gbk', 'gb2312'],
  },
  sign_type: {
    required: true,
    maxLength: 10,
    enum: ['RSA2', 'RSA'],
  },
  sign: {
    required: true,
    maxLength: 344,
    pattern: '^[A-Za-z0-9+/]{342}==$',
  },
  timestamp: {
    required: true,
    maxLength: 19,
    pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$',
  },
  version: {
    required: true,
    maxLength: 3,
    enum: ['1.0'],
  },
  app_auth_token: {
    required: false,
    maxLength: 40,
  },
  app_cert_sn: {
    required: false,
    maxLength: 32,
    pattern: '^[0-9a-f]{32}$',
  },
  alipay_root_cert_sn: {
    required: false,
    pattern: '^[0-9a-f]{32}(_[0-9a-f]{32})*$',
  },
  encrypt_type: {
    required: false,
    enum: ['AES'],
  },
  notify_url: {
    required: false,
  },
  return_url: {
    required: false,
  },
  auth_token: {
    required: false,
  },
  alipay_sdk: {
    required: false,
  },
  prod_code: {
    required: false,
  },
  biz_content: {
    required: true,
  },
} as const satisfies Record<string, FieldRule>;

/** What each common request parameter is, as the spec describes it: the keys of {@link COMMON_PARAMS}. */
export const COMMON_PARAM_DESCRIPTIONS = {
  app_id: 'The application id Alipay assigned to the developer (支付宝分配给开发者的应用ID).',
  method: 'The operation name (接口名称).',
  format: 'The data format; only JSON is supported (仅支持JSON). The gateway takes it in any case: the Java SDK sends json, aopkit JSON (x-aopkit-sends), the Node SDK none. Signed as sent.',
  charset: 'The encoding of the request (请求使用的编码格式). The signed string is encoded to bytes in this charset, and the form body is sent in it. The gateway takes it in either case (the Java SDK sends UTF-8, aopkit and the Node SDK utf-8, x-aopkit-sends) and signs it as sent: a request that says UTF-8 signs charset=UTF-8.',
  sign_type: 'The signature algorithm: RSA2 (SHA256withRSA, recommended) or RSA (SHA1withRSA, legacy), both PKCS#1 v1.5 with 2048-bit keys.',
  sign: 'The standard-base64 signature of the request (商户请求参数的签名串) over every other non-empty parameter, sorted by key and joined as key=value with &, unencoded. The reference page says 256, but an RSA-2048 signature is 256 bytes, i.e. 344 base64 characters (342 and ==), so 344 is the limit.',
  timestamp: 'The time the request was sent, in Beijing time (UTC+8) whatever the host\'s time zone, formatted yyyy-MM-dd HH:mm:ss (发送请求的时间).',
  version: 'The operation version, always 1.0 (调用的接口版本,固定为:1.0).',
  app_auth_token: 'The app authorization token of the merchant the call is made for (应用授权令牌), for calls on a merchant\'s behalf. Accepted in the query or the form body.',
  app_cert_sn: 'Certificate mode (公钥证书模式): the SN of the application\'s public-key certificate, lowercase hex MD5 of its issuer DN (RFC 2253) and decimal serial number.',
  alipay_root_cert_sn: 'Certificate mode (公钥证书模式): the SNs of the RSA certificates of Alipay\'s root bundle, in file order, joined with _.',
  encrypt_type: 'Content encryption: AES means biz_content carries the base64 AES-128-CBC ciphertext of the business parameters (and the response node comes back encrypted).',
  notify_url: 'The URL Alipay calls for asynchronous notifications (异步通知地址). This operation sends none; like any parameter it is signed when present. The Java SDK sends it in the query.',
  return_url: 'The page a browser returns to after a page-based call (同步返回地址). Unused by this operation; signed when present.',
  auth_token: 'A user\'s authorization token (用户授权令牌), for calls made on a user\'s behalf. A bad or expired one is answered with aop.invalid-auth-token or aop.auth-token-time-out. Signed when present.',
  alipay_sdk: 'The name and version of the SDK that made the call, such as alipay-sdk-java-4.38.0.ALL (informational). The Java SDK always sends it; signed like any parameter.',
  prod_code: 'The product code (销售产品码) of the contract the call is made under, when the merchant\'s contract requires it. Signed when present.',
  biz_content: 'The business parameters as JSON text (请求参数的集合), no length limit; sent in the form body.',
} as const satisfies Record<keyof typeof COMMON_PARAMS, string>;

/** The rules of the business parameters carried as JSON text in `biz_content` (VoucherSendBizContent). */
export const BIZ_CONTENT_FIELDS = {
  template_id: {
    required: true,
    maxLength: 28,
  },
  user_id: {
    required: false,
    maxLength: 16,
  },
  login_id: {
    required: false,
    maxLength: 128,
  },
  taobao_nick: {
    required: false,
    maxLength: 128,
  },
  out_biz_no: {
    required: true,
    maxLength: 64,
  },
  amount: {
    required: false,
    maxLength: 10,
    pattern: '^(0|[1-9]\\d*)\\.\\d{2}$',
  },
  memo: {
    required: false,
    maxLength: 128,
  },
} as const satisfies Record<string, FieldRule>;

/** What each business parameter is, as the spec describes it: the keys of {@link BIZ_CONTENT_FIELDS}. */
export const BIZ_CONTENT_DESCRIPTIONS = {
  template_id: 'The voucher template id (券模板ID).',
  user_id: 'The Alipay user id (支付宝用户ID, 2088…). One of user_id, login_id, taobao_nick is required; user_id has the highest priority.',
  login_id: 'The Alipay login id, a phone number or an e-mail address (支付宝登录ID). One of user_id, login_id, taobao_nick is required; login_id has the second priority.',
  taobao_nick: 'The Taobao nickname (淘宝昵称). One of user_id, login_id, taobao_nick is required; taobao_nick has the lowest priority.',
  out_biz_no: 'The merchant\'s business number, the idempotency key (外部业务订单号): the same template_id and out_biz_no are the same business operation.',
  amount: 'The voucher amount in yuan with exactly two decimals, #.00 (券金额, 单位为元). Only for red-packet (红包) templates; must be absent otherwise. Sent as a JSON string ("9.99"); the reference page\'s Java sample writes a bare number.',
  memo: 'A free-text note on the voucher (发券备注).',
} as const satisfies Record<keyof typeof BIZ_CONTENT_FIELDS, string>;

/** At least one of these must be present; when several are, the first in this order wins. */
export const IDENTITY_FIELDS = ['user_id', 'login_id', 'taobao_nick'] as const;

/** The fields the response node adds on success; `required` means present whenever code is 10000. */
export const RESPONSE_FIELDS = {
  voucher_id: {
    required: true,
    maxLength: 28,
  },
  user_id: {
    required: true,
    maxLength: 16,
  },
} as const satisfies Record<string, FieldRule>;

/** What each response field is, as the spec describes it: the keys of {@link RESPONSE_FIELDS}. */
export const RESPONSE_FIELD_DESCRIPTIONS = {
  voucher_id: 'The id of the voucher sent (券ID); present on success.',
  user_id: 'The Alipay user id the voucher was sent to (支付宝用户ID); present on success.',
} as const satisfies Record<keyof typeof RESPONSE_FIELDS, string>;

/** What a result or sub code means, what to do about it, and whether the same request may be sent again. */
export interface CodeHandling {
  /** What the code means: one short English sentence, such as "The voucher template has expired." */
  readonly meaning: string;
  /** What to do about it, in English. */
  readonly advice: string;
  /** Whether sending the same request again (same `out_biz_no`) may succeed. */
  readonly retryable: boolean;
}

/** What a gateway result code means, what to do about it, and whether the same request may be sent again. */
export interface ResultCodeInfo extends CodeHandling {
  /** The gateway's `msg` for this code (English, such as "Business Failed"). */
  readonly msg: string;
}

/** Every result code (`code`) of the gateway, documented. */
export const RESULT_CODES = {
  '10000': {
    msg: 'Success',
    meaning: 'The call succeeded; the operation\'s response fields are present.',
    advice: 'Nothing to do.',
    retryable: false,
  },
  '20000': {
    msg: 'Service Currently Unavailable',
    meaning: 'The service is temporarily unavailable, in the business system or in the gateway.',
    advice: 'Retry later with the identical business content; out_biz_no makes the retry safe.',
    retryable: true,
  },
  '20001': {
    msg: 'Insufficient Token Permissions',
    meaning: 'The auth token or app_auth_token is invalid, expired or does not cover this operation.',
    advice: 'Refresh the token or have the merchant authorize the app again.',
    retryable: false,
  },
  '40001': {
    msg: 'Missing Required Arguments',
    meaning: 'A required common parameter is missing; sub_code names it.',
    advice: 'Send the parameter named by sub_code.',
    retryable: false,
  },
  '40002': {
    msg: 'Invalid Arguments',
    meaning: 'A parameter is invalid, the signature included; sub_code names it.',
    advice: 'Fix the parameter named by sub_code; for isv.invalid-signature compare the string you signed with the one in sub_msg.',
    retryable: false,
  },
  '40004': {
    msg: 'Business Failed',
    meaning: 'The gateway accepted the call but the operation refused it; sub_code says why.',
    advice: 'Act on the operation\'s sub_code; only SYSTEM_ERROR is worth retrying.',
    retryable: false,
  },
  '40006': {
    msg: 'Insufficient Permissions',
    meaning: 'The app or the merchant lacks the permission for this operation.',
    advice: 'Sign the product or request the operation\'s permission in the Alipay console.',
    retryable: false,
  },
} as const satisfies Record<string, ResultCodeInfo>;

/**
 * {@link RESULT_CODES} as code that handles failures reads them: the gateway's `msg`, the English
 * meaning and advice, and the retry verdict.
 */
export const RESULT_CODE_HANDLING = {
  '10000': {
    msg: 'Success',
    meaning: 'The call succeeded; the operation\'s response fields are present.',
    advice: 'Nothing to do.',
    retryable: false,
  },
  '20000': {
    msg: 'Service Currently Unavailable',
    meaning: 'The service is temporarily unavailable, in the business system or in the gateway.',
    advice: 'Retry later with the identical business content; out_biz_no makes the retry safe.',
    retryable: true,
  },
  '20001': {
    msg: 'Insufficient Token Permissions',
    meaning: 'The auth token or app_auth_token is invalid, expired or does not cover this operation.',
    advice: 'Refresh the token or have the merchant authorize the app again.',
    retryable: false,
  },
  '40001': {
    msg: 'Missing Required Arguments',
    meaning: 'A required common parameter is missing; sub_code names it.',
    advice: 'Send the parameter named by sub_code.',
    retryable: false,
  },
  '40002': {
    msg: 'Invalid Arguments',
    meaning: 'A parameter is invalid, the signature included; sub_code names it.',
    advice: 'Fix the parameter named by sub_code; for isv.invalid-signature compare the string you signed with the one in sub_msg.',
    retryable: false,
  },
  '40004': {
    msg: 'Business Failed',
    meaning: 'The gateway accepted the call but the operation refused it; sub_code says why.',
    advice: 'Act on the operation\'s sub_code; only SYSTEM_ERROR is worth retrying.',
    retryable: false,
  },
  '40006': {
    msg: 'Insufficient Permissions',
    meaning: 'The app or the merchant lacks the permission for this operation.',
    advice: 'Sign the product or request the operation\'s permission in the Alipay console.',
    retryable: false,
  },
} as const satisfies Record<ResultCode, CodeHandling & { readonly msg: string }>;

/** What a detailed result code means: its result code, the gateway's Chinese sub_msg, and advice. */
export interface SubCodeInfo extends CodeHandling {
  /** The result code this sub code comes with. */
  readonly code: string;
  /** The gateway's Chinese `sub_msg` for it. */
  readonly subMsg: string;
}

/** The public sub codes of the gateway and the operation's business ones, documented. */
export const SUB_CODES = {
  'isp.unknow-error': {
    code: '20000',
    subMsg: '系统繁忙',
    meaning: 'The business system behind the gateway is unavailable.',
    advice: 'Retry later with the identical business content.',
    retryable: true,
  },
  'aop.unknow-error': {
    code: '20000',
    subMsg: '服务暂不可用（网关自身的未知错误）',
    meaning: 'An unknown error in the gateway itself.',
    advice: 'Retry later with the identical business content.',
    retryable: true,
  },
  'aop.invalid-auth-token': {
    code: '20001',
    subMsg: '无效的访问令牌',
    meaning: 'The access token is invalid.',
    advice: 'Refresh the token or authorize again to get a new one.',
    retryable: false,
  },
  'aop.auth-token-time-out': {
    code: '20001',
    subMsg: '访问令牌已过期',
    meaning: 'The access token has expired.',
    advice: 'Refresh the token or authorize again to get a new one.',
    retryable: false,
  },
  'aop.invalid-app-auth-token': {
    code: '20001',
    subMsg: '无效的应用授权令牌',
    meaning: 'The app_auth_token is invalid.',
    advice: 'Refresh the app_auth_token or have the merchant authorize the app again.',
    retryable: false,
  },
  'aop.invalid-app-auth-token-no-api': {
    code: '20001',
    subMsg: '商户未授权当前接口',
    meaning: 'The merchant\'s authorization does not cover this operation.',
    advice: 'Have the merchant authorize the app again, including this operation, and use the new app_auth_token.',
    retryable: false,
  },
  'aop.app-auth-token-time-out': {
    code: '20001',
    subMsg: '应用授权令牌已过期',
    meaning: 'The app_auth_token has expired.',
    advice: 'Refresh the app_auth_token or have the merchant authorize the app again.',
    retryable: false,
  },
  'aop.no-product-reg-by-partner': {
    code: '20001',
    subMsg: '商户未签约任何产品',
    meaning: 'The merchant the call is made for has not signed any product.',
    advice: 'When calling on a merchant\'s behalf, have the merchant sign the product first.',
    retryable: false,
  },
  'isv.missing-method': {
    code: '40001',
    subMsg: '缺少方法名参数',
    meaning: 'The method parameter is missing.',
    advice: 'Send method.',
    retryable: false,
  },
  'isv.missing-signature': {
    code: '40001',
    subMsg: '缺少签名参数',
    meaning: 'The sign parameter is missing.',
    advice: 'Send sign.',
    retryable: false,
  },
  'isv.missing-signature-type': {
    code: '40001',
    subMsg: '缺少签名类型参数',
    meaning: 'The sign_type parameter is missing.',
    advice: 'Send sign_type (RSA2).',
    retryable: false,
  },
  'isv.missing-signature-key': {
    code: '40001',
    subMsg: '缺少签名配置',
    meaning: 'The app has no public key configured.',
    advice: 'Upload the application public key (or certificate) in the Alipay console.',
    retryable: false,
  },
  'isv.missing-app-id': {
    code: '40001',
    subMsg: '缺少AppID参数',
    meaning: 'The app_id parameter is missing.',
    advice: 'Send app_id.',
    retryable: false,
  },
  'isv.missing-timestamp': {
    code: '40001',
    subMsg: '缺少时间戳参数',
    meaning: 'The timestamp parameter is missing.',
    advice: 'Send timestamp.',
    retryable: false,
  },
  'isv.missing-version': {
    code: '40001',
    subMsg: '缺少版本参数',
    meaning: 'The version parameter is missing.',
    advice: 'Send version (1.0).',
    retryable: false,
  },
  'isv.decryption-error-missing-encrypt-type': {
    code: '40001',
    subMsg: '解密出错, 未指定加密算法',
    meaning: 'The content is encrypted but encrypt_type is missing.',
    advice: 'Send encrypt_type=AES with an encrypted biz_content.',
    retryable: false,
  },
  'isv.invalid-parameter': {
    code: '40002',
    subMsg: '参数无效',
    meaning: 'A parameter is malformed, has an illegal value or is out of range.',
    advice: 'Check the parameters\' format, values and lengths.',
    retryable: false,
  },
  'isv.invalid-method': {
    code: '40002',
    subMsg: '不存在的方法名',
    meaning: 'The method does not exist.',
    advice: 'Check method.',
    retryable: false,
  },
  'isv.invalid-format': {
    code: '40002',
    subMsg: '无效的数据格式',
    meaning: 'The format is not supported.',
    advice: 'Send format=JSON or leave it out.',
    retryable: false,
  },
  'isv.invalid-signature-type': {
    code: '40002',
    subMsg: '无效的签名类型',
    meaning: 'The sign_type is not supported.',
    advice: 'Send sign_type RSA2 (or RSA).',
    retryable: false,
  },
  'isv.invalid-signature': {
    code: '40002',
    subMsg: '验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：',
    meaning: 'The request signature did not verify; the gateway appends to sub_msg the string it verified.',
    advice: 'Compare the string you signed with the one at the end of sub_msg (charset case, empty parameters, escaping), and check that the private key matches the application public key uploaded to Alipay.',
    retryable: false,
  },
  'isv.invalid-encrypt-type': {
    code: '40002',
    subMsg: '无效的加密类型',
    meaning: 'The encrypt_type is not supported.',
    advice: 'Send encrypt_type=AES.',
    retryable: false,
  },
  'isv.invalid-encrypt': {
    code: '40002',
    subMsg: '解密异常',
    meaning: 'The gateway failed to decrypt the content.',
    advice: 'Check the AES key and the ciphertext.',
    retryable: false,
  },
  'isv.invalid-app-id': {
    code: '40002',
    subMsg: '无效的AppID参数',
    meaning: 'The app_id does not exist or the app is not online.',
    advice: 'Check app_id and the app\'s status in the Alipay console.',
    retryable: false,
  },
  'isv.invalid-timestamp': {
    code: '40002',
    subMsg: '非法的时间戳参数',
    meaning: 'The timestamp is malformed or too far from the gateway\'s clock.',
    advice: 'Send Beijing time formatted yyyy-MM-dd HH:mm:ss.',
    retryable: false,
  },
  'isv.invalid-charset': {
    code: '40002',
    subMsg: '字符集错误',
    meaning: 'The charset is not supported.',
    advice: 'Send charset utf-8, gbk or gb2312.',
    retryable: false,
  },
  'isv.invalid-digest': {
    code: '40002',
    subMsg: '摘要错误',
    meaning: 'A file digest parameter is wrong or missing.',
    advice: 'Check the digest parameter.',
    retryable: false,
  },
  'isv.decryption-error-not-valid-encrypt-type': {
    code: '40002',
    subMsg: '解密出错，不支持的加密算法',
    meaning: 'The encryption algorithm is not supported.',
    advice: 'Use AES.',
    retryable: false,
  },
  'isv.decryption-error-not-valid-encrypt-key': {
    code: '40002',
    subMsg: '解密出错, 未配置加密密钥或加密密钥格式错误',
    meaning: 'The app has no AES key configured, or it is malformed.',
    advice: 'Configure the AES key in the Alipay console and use the same one.',
    retryable: false,
  },
  'isv.decryption-error-unknown': {
    code: '40002',
    subMsg: '解密出错，未知异常',
    meaning: 'Decryption failed for an unknown reason.',
    advice: 'Check the AES key and the ciphertext; contact Alipay support if it persists.',
    retryable: false,
  },
  'isv.missing-signature-config': {
    code: '40002',
    subMsg: '验签出错, 未配置对应签名算法的公钥或者证书',
    meaning: 'The app has no public key or certificate for this sign_type.',
    advice: 'Upload the application public key (or certificate) for this sign_type.',
    retryable: false,
  },
  'isv.not-support-app-auth': {
    code: '40002',
    subMsg: '本接口不支持第三方代理调用',
    meaning: 'This operation cannot be called on a merchant\'s behalf.',
    advice: 'Call without app_auth_token.',
    retryable: false,
  },
  'isv.insufficient-isv-permissions': {
    code: '40006',
    subMsg: 'ISV权限不足',
    meaning: 'The app lacks the permission for this operation.',
    advice: 'Sign the product that includes this operation for the app.',
    retryable: false,
  },
  'isv.insufficient-user-permissions': {
    code: '40006',
    subMsg: '用户权限不足',
    meaning: 'The merchant the call is made for lacks the permission for this operation.',
    advice: 'Have the merchant sign the product that includes this operation.',
    retryable: false,
  },
  TEMPLATE_NOT_EXIST: {
    code: '40004',
    subMsg: '模板不存在',
    meaning: 'The voucher template does not exist.',
    advice: 'Check that template_id names an existing template of this app.',
    retryable: false,
  },
  TEMPLATE_EXPIRED: {
    code: '40004',
    subMsg: '模板过期',
    meaning: 'The voucher template has expired.',
    advice: 'Check the template\'s status and validity period; use a template that is still valid.',
    retryable: false,
  },
  USER_NOT_EXIST: {
    code: '40004',
    subMsg: '用户不存在',
    meaning: 'The user does not exist.',
    advice: 'Check that the Alipay user id (or login id, or Taobao nickname) is right.',
    retryable: false,
  },
  USER_STATUS_ERROR: {
    code: '40004',
    subMsg: '用户状态不可用',
    meaning: 'The user\'s account cannot receive vouchers in its current state.',
    advice: 'Check the user\'s account status; a voucher can be sent only once the user has resolved it.',
    retryable: false,
  },
  INVALID_PARAMETER: {
    code: '40004',
    subMsg: '参数有误',
    meaning: 'A business parameter is wrong.',
    advice: 'Check that the business parameters meet the operation\'s requirements.',
    retryable: false,
  },
  SYSTEM_ERROR: {
    code: '40004',
    subMsg: '系统繁忙',
    meaning: 'The system is busy.',
    advice: 'Retry with the identical business content; contact Alipay support if it persists.',
    retryable: true,
  },
} as const satisfies Record<string, SubCodeInfo>;

/**
 * {@link SUB_CODES} as code that handles failures reads them: the English meaning and advice and the retry
 * verdict, without the result code and the Chinese `sub_msg`.
 */
export const SUB_CODE_HANDLING = {
  'isp.unknow-error': {
    meaning: 'The business system behind the gateway is unavailable.',
    advice: 'Retry later with the identical business content.',
    retryable: true,
  },
  'aop.unknow-error': {
    meaning: 'An unknown error in the gateway itself.',
    advice: 'Retry later with the identical business content.',
    retryable: true,
  },
  'aop.invalid-auth-token': {
    meaning: 'The access token is invalid.',
    advice: 'Refresh the token or authorize again to get a new one.',
    retryable: false,
  },
  'aop.auth-token-time-out': {
    meaning: 'The access token has expired.',
    advice: 'Refresh the token or authorize again to get a new one.',
    retryable: false,
  },
  'aop.invalid-app-auth-token': {
    meaning: 'The app_auth_token is invalid.',
    advice: 'Refresh the app_auth_token or have the merchant authorize the app again.',
    retryable: false,
  },
  'aop.invalid-app-auth-token-no-api': {
    meaning: 'The merchant\'s authorization does not cover this operation.',
    advice: 'Have the merchant authorize the app again, including this operation, and use the new app_auth_token.',
    retryable: false,
  },
  'aop.app-auth-token-time-out': {
    meaning: 'The app_auth_token has expired.',
    advice: 'Refresh the app_auth_token or have the merchant authorize the app again.',
    retryable: false,
  },
  'aop.no-product-reg-by-partner': {
    meaning: 'The merchant the call is made for has not signed any product.',
    advice: 'When calling on a merchant\'s behalf, have the merchant sign the product first.',
    retryable: false,
  },
  'isv.missing-method': {
    meaning: 'The method parameter is missing.',
    advice: 'Send method.',
    retryable: false,
  },
  'isv.missing-signature': {
    meaning: 'The sign parameter is missing.',
    advice: 'Send sign.',
    retryable: false,
  },
  'isv.missing-signature-type': {
    meaning: 'The sign_type parameter is missing.',
    advice: 'Send sign_type (RSA2).',
    retryable: false,
  },
  'isv.missing-signature-key': {
    meaning: 'The app has no public key configured.',
    advice: 'Upload the application public key (or certificate) in the Alipay console.',
    retryable: false,
  },
  'isv.missing-app-id': {
    meaning: 'The app_id parameter is missing.',
    advice: 'Send app_id.',
    retryable: false,
  },
  'isv.missing-timestamp': {
    meaning: 'The timestamp parameter is missing.',
    advice: 'Send timestamp.',
    retryable: false,
  },
  'isv.missing-version': {
    meaning: 'The version parameter is missing.',
    advice: 'Send version (1.0).',
    retryable: false,
  },
  'isv.decryption-error-missing-encrypt-type': {
    meaning: 'The content is encrypted but encrypt_type is missing.',
    advice: 'Send encrypt_type=AES with an encrypted biz_content.',
    retryable: false,
  },
  'isv.invalid-parameter': {
    meaning: 'A parameter is malformed, has an illegal value or is out of range.',
    advice: 'Check the parameters\' format, values and lengths.',
    retryable: false,
  },
  'isv.invalid-method': {
    meaning: 'The method does not exist.',
    advice: 'Check method.',
    retryable: false,
  },
  'isv.invalid-format': {
    meaning: 'The format is not supported.',
    advice: 'Send format=JSON or leave it out.',
    retryable: false,
  },
  'isv.invalid-signature-type': {
    meaning: 'The sign_type is not supported.',
    advice: 'Send sign_type RSA2 (or RSA).',
    retryable: false,
  },
  'isv.invalid-signature': {
    meaning: 'The request signature did not verify; the gateway appends to sub_msg the string it verified.',
    advice: 'Compare the string you signed with the one at the end of sub_msg (charset case, empty parameters, escaping), and check that the private key matches the application public key uploaded to Alipay.',
    retryable: false,
  },
  'isv.invalid-encrypt-type': {
    meaning: 'The encrypt_type is not supported.',
    advice: 'Send encrypt_type=AES.',
    retryable: false,
  },
  'isv.invalid-encrypt': {
    meaning: 'The gateway failed to decrypt the content.',
    advice: 'Check the AES key and the ciphertext.',
    retryable: false,
  },
  'isv.invalid-app-id': {
    meaning: 'The app_id does not exist or the app is not online.',
    advice: 'Check app_id and the app\'s status in the Alipay console.',
    retryable: false,
  },
  'isv.invalid-timestamp': {
    meaning: 'The timestamp is malformed or too far from the gateway\'s clock.',
    advice: 'Send Beijing time formatted yyyy-MM-dd HH:mm:ss.',
    retryable: false,
  },
  'isv.invalid-charset': {
    meaning: 'The charset is not supported.',
    advice: 'Send charset utf-8, gbk or gb2312.',
    retryable: false,
  },
  'isv.invalid-digest': {
    meaning: 'A file digest parameter is wrong or missing.',
    advice: 'Check the digest parameter.',
    retryable: false,
  },
  'isv.decryption-error-not-valid-encrypt-type': {
    meaning: 'The encryption algorithm is not supported.',
    advice: 'Use AES.',
    retryable: false,
  },
  'isv.decryption-error-not-valid-encrypt-key': {
    meaning: 'The app has no AES key configured, or it is malformed.',
    advice: 'Configure the AES key in the Alipay console and use the same one.',
    retryable: false,
  },
  'isv.decryption-error-unknown': {
    meaning: 'Decryption failed for an unknown reason.',
    advice: 'Check the AES key and the ciphertext; contact Alipay support if it persists.',
    retryable: false,
  },
  'isv.missing-signature-config': {
    meaning: 'The app has no public key or certificate for this sign_type.',
    advice: 'Upload the application public key (or certificate) for this sign_type.',
    retryable: false,
  },
  'isv.not-support-app-auth': {
    meaning: 'This operation cannot be called on a merchant\'s behalf.',
    advice: 'Call without app_auth_token.',
    retryable: false,
  },
  'isv.insufficient-isv-permissions': {
    meaning: 'The app lacks the permission for this operation.',
    advice: 'Sign the product that includes this operation for the app.',
    retryable: false,
  },
  'isv.insufficient-user-permissions': {
    meaning: 'The merchant the call is made for lacks the permission for this operation.',
    advice: 'Have the merchant sign the product that includes this operation.',
    retryable: false,
  },
  TEMPLATE_NOT_EXIST: {
    meaning: 'The voucher template does not exist.',
    advice: 'Check that template_id names an existing template of this app.',
    retryable: false,
  },
  TEMPLATE_EXPIRED: {
    meaning: 'The voucher template has expired.',
    advice: 'Check the template\'s status and validity period; use a template that is still valid.',
    retryable: false,
  },
  USER_NOT_EXIST: {
    meaning: 'The user does not exist.',
    advice: 'Check that the Alipay user id (or login id, or Taobao nickname) is right.',
    retryable: false,
  },
  USER_STATUS_ERROR: {
    meaning: 'The user\'s account cannot receive vouchers in its current state.',
    advice: 'Check the user\'s account status; a voucher can be sent only once the user has resolved it.',
    retryable: false,
  },
  INVALID_PARAMETER: {
    meaning: 'A business parameter is wrong.',
    advice: 'Check that the business parameters meet the operation\'s requirements.',
    retryable: false,
  },
  SYSTEM_ERROR: {
    meaning: 'The system is busy.',
    advice: 'Retry with the identical business content; contact Alipay support if it persists.',
    retryable: true,
  },
} as const satisfies Record<SubCode, CodeHandling>;

/** The operation's own sub codes, those that come with code 40004 (Business Failed). */
export const BUSINESS_SUB_CODES = ['TEMPLATE_NOT_EXIST', 'TEMPLATE_EXPIRED', 'USER_NOT_EXIST', 'USER_STATUS_ERROR', 'INVALID_PARAMETER', 'SYSTEM_ERROR'] as const;

/** A result code the spec declares. */
export type ResultCode = keyof typeof RESULT_CODES;

/** A sub code the spec declares; the gateway may send others. */
export type SubCode = keyof typeof SUB_CODES;
