import{r as e}from"./rolldown-runtime-QQ38H6s1.js";import{i as t,t as n}from"./react-BjoVYww2.js";import{o as r}from"./data-cCtlxNmM.js";import{A as i,B as a,I as o,K as s,L as c,M as l,P as u,S as d,_ as f,b as p,h as m,k as h,m as g,w as _}from"./antd-DYkukF6z.js";import{d as v,f as y,i as b,l as x,m as S,p as C,s as w,u as T}from"./index-D_JpYYhG.js";import{t as E}from"./DayRangePicker-BOgXmcgO.js";var D=e(t(),1),O=e(o(),1),k=n(),A=v(`
  query CsRanking($teamId: ID!, $from: Date!, $to: Date!, $sortBy: CsMetric!, $order: SortOrder) {
    csRanking(teamId: $teamId, from: $from, to: $to, sortBy: $sortBy, order: $order) {
      team {
        received
        inquiries
        salesAmount
        inquiryConversion
        orderRate
        paymentRate
        csAov
        avgFirstResponse
        avgResponse
        answerRatio
        replyRate
        satisfaction
      }
      agents(first: 100) {
        totalCount
        nodes {
          rank
          staffId
          staff { id name }
          metrics {
            received
            inquiries
            salesAmount
            inquiryConversion
            orderRate
            paymentRate
            csAov
            avgFirstResponse
            avgResponse
            answerRatio
            replyRate
            satisfaction
          }
          gap {
            inquiryConversionPts
            orderRatePts
            paymentRatePts
            replyRatePts
            satisfactionPts
            csAov
            avgFirstResponse
            avgResponse
            answerRatio
          }
        }
      }
    }
    metricCatalogue { metric direction }
  }
`),j=[{metric:null,key:`RECEIVED`,title:`received`,field:`received`,unit:`COUNT`},{metric:`INQUIRIES`,key:`INQUIRIES`,title:`inquiries`,field:`inquiries`,unit:`COUNT`},{metric:`SALES_AMOUNT`,key:`SALES_AMOUNT`,title:`salesAmount`,field:`salesAmount`,unit:`MONEY`},{metric:`INQUIRY_CONVERSION`,key:`INQUIRY_CONVERSION`,title:`inquiryConversion`,field:`inquiryConversion`,unit:`RATE`,gap:{field:`inquiryConversionPts`,pts:!0}},{metric:`ORDER_RATE`,key:`ORDER_RATE`,title:`orderRate`,field:`orderRate`,unit:`RATE`,gap:{field:`orderRatePts`,pts:!0}},{metric:`PAYMENT_RATE`,key:`PAYMENT_RATE`,title:`paymentRate`,field:`paymentRate`,unit:`RATE`,gap:{field:`paymentRatePts`,pts:!0}},{metric:`CS_AOV`,key:`CS_AOV`,title:`csAov`,field:`csAov`,unit:`MONEY`,gap:{field:`csAov`,pts:!1}},{metric:`AVG_FIRST_RESPONSE`,key:`AVG_FIRST_RESPONSE`,title:`avgFirstResponse`,field:`avgFirstResponse`,unit:`SECONDS`,gap:{field:`avgFirstResponse`,pts:!1}},{metric:`AVG_RESPONSE`,key:`AVG_RESPONSE`,title:`avgResponse`,field:`avgResponse`,unit:`SECONDS`,gap:{field:`avgResponse`,pts:!1}},{metric:`ANSWER_RATIO`,key:`ANSWER_RATIO`,title:`answerRatio`,field:`answerRatio`,unit:`RATIO`,gap:{field:`answerRatio`,pts:!1}},{metric:`REPLY_RATE`,key:`REPLY_RATE`,title:`replyRate`,field:`replyRate`,unit:`RATE`,gap:{field:`replyRatePts`,pts:!0}},{metric:`SATISFACTION`,key:`SATISFACTION`,title:`satisfaction`,field:`satisfaction`,unit:`RATE`,gap:{field:`satisfactionPts`,pts:!0}}];function M(e,t){return t.find(t=>t.metric===e)?.direction??(e.startsWith(`AVG_`)?`LOWER`:`HIGHER`)}function N(e,t){return t>0?`+${e}`:e}function P(e,t,n){if(n==null||!t.gap)return`—`;let r=Number(n);return t.gap.pts?e.t(`points`,{v:N(e.num(r,2),r)}):N(w(e,t.unit,r),r)}function F(){let e=S(),{t}=e,{token:n}=m.useToken(),o=T().team,v=(0,D.useMemo)(()=>x(o.timeZone),[o.timeZone]),[N,F]=(0,D.useState)(`day`),[L,R]=(0,D.useState)({from:v.yesterday,to:v.yesterday}),[z,B]=(0,D.useState)(`SALES_AMOUNT`),[V,H]=(0,D.useState)(null),[{data:U,error:W,fetching:G},K]=r({query:A,variables:{teamId:o.id,from:L.from,to:L.to,sortBy:z,order:V}}),q=(0,D.useMemo)(()=>U?.metricCatalogue??[],[U]),J=(0,D.useMemo)(()=>{let r=j.map(r=>{let i=M(r.key,q),o=i===`LOWER`?`ascend`:`descend`,s=r.metric!==null&&r.metric===z;return{title:t(r.title),key:r.key,align:`right`,sorter:r.metric!==null,sortDirections:o===`descend`?[`descend`,`ascend`]:[`ascend`,`descend`],sortOrder:s?V===null?o:V===`ASC`?`ascend`:`descend`:null,onCell:e=>{let t=r.gap?b(I(e.gap[r.gap.field]),i):`neutral`;return{"data-metric":r.key,"data-gap":r.gap?t:void 0,style:t===`bad`?{background:n.colorErrorBg}:void 0}},render:(n,o)=>{let s=w(e,r.unit,o.metrics[r.field]);if(!r.gap)return s;let c=o.gap[r.gap.field],l=b(I(c),i);return(0,k.jsx)(a,{title:t(`gapToTeam`,{gap:P(e,r,c)}),children:(0,k.jsx)(g.Text,{type:l===`bad`?`danger`:void 0,strong:l===`bad`,children:s})})}}});return[{title:t(`rank`),dataIndex:`rank`,key:`rank`,width:64,fixed:`left`},{title:t(`agent`),key:`agent`,fixed:`left`,render:(e,t)=>t.staff?.name??t.staffId},...r]},[q,z,V,t,e,n]),Y=U?.csRanking,X;return X=!U&&G?(0,k.jsx)(_,{style:{display:`block`,margin:48}}):Y?(0,k.jsxs)(u,{size:`small`,children:[W&&(0,k.jsx)(s,{type:`warning`,showIcon:!0,title:C(W),style:{marginBottom:16}}),(0,k.jsx)(f,{"data-testid":`cs-table`,size:`small`,rowKey:`staffId`,pagination:!1,scroll:{x:1100},dataSource:Y.agents.nodes,columns:J,locale:{emptyText:t(`noAgents`)},onRow:e=>({"data-testid":`cs-row`,"data-staff":e.staffId,"data-rank":e.rank}),onChange:(e,t,n)=>{let r=Array.isArray(n)?n[0]:n,i=j.find(e=>e.key===r?.columnKey);!r?.order||!i?.metric?(B(`SALES_AMOUNT`),H(null)):(B(i.metric),H(r.order===`ascend`?`ASC`:`DESC`))},summary:()=>(0,k.jsx)(f.Summary,{children:(0,k.jsxs)(f.Summary.Row,{"data-testid":`cs-pooled`,style:{background:n.colorFillAlter,fontWeight:600},children:[(0,k.jsx)(f.Summary.Cell,{index:0,children:`—`}),(0,k.jsx)(f.Summary.Cell,{index:1,children:t(`csPooled`)}),j.map((t,n)=>(0,k.jsx)(f.Summary.Cell,{index:n+2,align:`right`,children:(0,k.jsx)(`span`,{"data-metric":t.key,children:w(e,t.unit,Y.team[t.field])})},t.key))]})})})]}):(0,k.jsx)(p,{"data-testid":`cs-error`,"data-code":y(W)??``,status:y(W)===`FORBIDDEN`?`403`:`error`,title:t(`error`),subTitle:C(W),extra:(0,k.jsx)(c,{onClick:()=>K({requestPolicy:`network-only`}),children:t(`retry`)})}),(0,k.jsxs)(`div`,{"data-testid":`cs-ranking`,"data-from":L.from,"data-to":L.to,"data-sort":z,"data-order":V??``,children:[(0,k.jsx)(g.Title,{level:3,style:{marginTop:0,marginBottom:4},children:t(`csTitle`)}),(0,k.jsx)(g.Paragraph,{type:`secondary`,children:t(`csSubtitle`,{from:e.date(L.from),to:e.date(L.to)})}),(0,k.jsxs)(h,{wrap:!0,style:{marginBottom:16},children:[(0,k.jsx)(l,{"data-testid":`cs-mode`,value:N,onChange:e=>{F(e),e===`day`&&R(e=>({from:e.to,to:e.to}))},options:[{value:`day`,label:t(`csOneDay`)},{value:`range`,label:t(`csRangeMode`)}]}),N===`day`?(0,k.jsx)(i,{"data-testid":`cs-day`,allowClear:!1,value:(0,O.default)(L.to),disabledDate:e=>e.format(`YYYY-MM-DD`)>v.today,onChange:e=>{e&&R({from:e.format(`YYYY-MM-DD`),to:e.format(`YYYY-MM-DD`)})}}):(0,k.jsx)(E,{value:L,onChange:R,yesterday:v.yesterday,today:v.today,testId:`cs-range`}),(0,k.jsx)(c,{icon:(0,k.jsx)(d,{}),loading:G,onClick:()=>K({requestPolicy:`network-only`})})]}),X]})}function I(e){if(e==null||e===``)return null;let t=Number(e);return Number.isFinite(t)?t:null}export{F as default};