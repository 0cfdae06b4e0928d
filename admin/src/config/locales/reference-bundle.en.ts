import refeditEn from './refedit.en.json';

/** The reference-data editors' words (the 业务基础数据 page only). */
export default { ...refeditEn };
