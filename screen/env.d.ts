// echarts-gl ships no types; it is imported only for its side effect of registering 3D parts.
declare module 'echarts-gl';
