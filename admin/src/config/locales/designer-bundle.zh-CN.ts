import designerZh from './designer.zh-CN.json';

/** The workflow designer's words (definition pages only). */
export default { ...designerZh };
