import refeditZh from './refedit.zh-CN.json';

/** The reference-data editors' words (the 业务基础数据 page only). */
export default { ...refeditZh };
