import type { TranslationOf } from '../../types';
import type { privacy as english } from '../en/privacy';

/** 隐私面板：本页及其后台线程获取了哪些文件，以及服务工作线程保存的离线副本。 */
export const privacy: TranslationOf<typeof english> = {
  privacy: {
    title: '隐私：本页获取了哪些内容',
    about:
      '此列表来自浏览器为本页及其后台线程记录的资源计时数据：它列出每个文件、脚本、样式表、图片、数据请求和后台线程的加载，但不显示请求的方法或请求体（本应用的测试会检查每个请求都是发往本应用的 GET 请求）。',
    refresh: '刷新',
    workersFailed: '无法读取后台线程的请求；列表只显示本页自身的请求。',
    external: '外部：',
    kind: {
      page: '页面',
      script: '脚本',
      stylesheet: '样式表',
      wasm: 'WASM 二进制模块',
      sample: '样例贷款数据',
      data: '数据文件',
      serviceWorker: '服务工作线程',
      manifest: '网页应用清单',
      font: '字体',
      image: '图片',
      beacon: '信标（会发送数据）',
      other: '文件',
    },
    source: {
      page: '由页面发起',
      dataWorker: '由数据线程发起',
      memberWorker: '由训练线程发起',
      serviceWorker: '由服务工作线程发起',
    },
    size: {
      kilobytes: '{{value}} kB',
      inMemory: '在内存中',
      fromCache: '来自缓存',
    },
    offline: {
      someExternal: '服务工作线程保存了 {{files}} 个文件的离线副本：其中 {{external}} 个不属于本应用',
      allApp: '服务工作线程保存了本应用 {{files}} 个文件的离线副本',
      hint: '这些文件是它在安装时自行下载的，因此不在上面的列表中（上面列出的是本页及其后台线程的请求）；这里是它保存的内容。',
    },
    summary: {
      requests_other: '{{scope}}共 {{total}} 个请求',
      scopeListed: '自本页载入以来',
      scopePending: '本页自载入以来（其后台线程的请求仍在查询中）',
      noBeacon: '没有信标请求',
      beacons_other: '其中 {{beacons}} 个是信标请求',
      external: '{{requests}}：其中 {{external}} 个发往本应用之外（列在最前）；{{beacons}}。',
      allApp: '{{requests}}，全部指向本应用自己的文件{{local}}；{{beacons}}。',
      local: '（其中 {{local}} 个指向浏览器内部、不经网络的地址）',
    },
  },
};
