import{r as e}from"./rolldown-runtime-QQ38H6s1.js";import{i as t,t as n}from"./react-BjoVYww2.js";import{o as r}from"./data-cCtlxNmM.js";import{J as i,_ as a,b as o,g as s,i as c,p as l,s as u,x as d}from"./index-oAvuLARB.js";import{M as f,V as p,_ as m,d as h,n as g,p as _,r as v,t as y,u as b}from"./gql-CN9XA0a0.js";import{t as x}from"./result-DUDr4e3m.js";import{t as S}from"./segmented-CftRfT2S.js";import{t as C}from"./spin-iAoJaSR2.js";import{t as w}from"./table-C4RAE5UM.js";import{t as T}from"./theme-DkFeFYb3.js";import{t as E}from"./DayRangePicker-cV7pLA--.js";var D=e(t(),1),O=n();y(`
  fragment CsMetricsFields on CsMetrics {
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
`);var k=y(`
  query CsRanking($teamId: ID!, $from: Date!, $to: Date!, $sortBy: CsMetric!, $order: SortOrder) {
    csRanking(teamId: $teamId, from: $from, to: $to, sortBy: $sortBy, order: $order) {
      team { ...CsMetricsFields }
      agents(first: 100) {
        totalCount
        nodes {
          rank
          staffId
          staff { id name }
          metrics { ...CsMetricsFields }
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
`),A=[{metric:null,key:`RECEIVED`,title:`received`,field:`received`,unit:`COUNT`},{metric:`INQUIRIES`,key:`INQUIRIES`,title:`inquiries`,field:`inquiries`,unit:`COUNT`},{metric:`SALES_AMOUNT`,key:`SALES_AMOUNT`,title:`salesAmount`,field:`salesAmount`,unit:`MONEY`},{metric:`INQUIRY_CONVERSION`,key:`INQUIRY_CONVERSION`,title:`inquiryConversion`,field:`inquiryConversion`,unit:`RATE`,gap:{field:`inquiryConversionPts`,pts:!0}},{metric:`ORDER_RATE`,key:`ORDER_RATE`,title:`orderRate`,field:`orderRate`,unit:`RATE`,gap:{field:`orderRatePts`,pts:!0}},{metric:`PAYMENT_RATE`,key:`PAYMENT_RATE`,title:`paymentRate`,field:`paymentRate`,unit:`RATE`,gap:{field:`paymentRatePts`,pts:!0}},{metric:`CS_AOV`,key:`CS_AOV`,title:`csAov`,field:`csAov`,unit:`MONEY`,gap:{field:`csAov`,pts:!1}},{metric:`AVG_FIRST_RESPONSE`,key:`AVG_FIRST_RESPONSE`,title:`avgFirstResponse`,field:`avgFirstResponse`,unit:`SECONDS`,gap:{field:`avgFirstResponse`,pts:!1}},{metric:`AVG_RESPONSE`,key:`AVG_RESPONSE`,title:`avgResponse`,field:`avgResponse`,unit:`SECONDS`,gap:{field:`avgResponse`,pts:!1}},{metric:`ANSWER_RATIO`,key:`ANSWER_RATIO`,title:`answerRatio`,field:`answerRatio`,unit:`RATIO`,gap:{field:`answerRatio`,pts:!1}},{metric:`REPLY_RATE`,key:`REPLY_RATE`,title:`replyRate`,field:`replyRate`,unit:`RATE`,gap:{field:`replyRatePts`,pts:!0}},{metric:`SATISFACTION`,key:`SATISFACTION`,title:`satisfaction`,field:`satisfaction`,unit:`RATE`,gap:{field:`satisfactionPts`,pts:!0}}];function j(e,t){return t.find(t=>t.metric===e)?.direction??(e.startsWith(`AVG_`)?`LOWER`:`HIGHER`)}function M(e,t){return t>0?`+${e}`:e}function N(e,t,n){if(n==null||!t.gap)return`—`;let r=Number(n);return t.gap.pts?e.t(`points`,{v:M(e.num(r,2),r)}):M(u(e,t.unit,r),r)}function P(){let e=b(),{t}=e,{token:n}=T.useToken(),y=a().team,M=(0,D.useMemo)(()=>s(y.timeZone),[y.timeZone]),[P,I]=(0,D.useState)(`day`),[L,R]=(0,D.useState)({from:M.yesterday,to:M.yesterday}),[z,B]=(0,D.useState)(`SALES_AMOUNT`),[V,H]=(0,D.useState)(null),[{data:U,error:W,fetching:G},K]=r({query:k,variables:{teamId:y.id,from:L.from,to:L.to,sortBy:z,order:V}}),q=(0,D.useMemo)(()=>U?.metricCatalogue??[],[U]),J=(0,D.useMemo)(()=>{let r=A.map(r=>{let i=j(r.key,q),a=i===`LOWER`?`ascend`:`descend`,o=r.metric!==null&&r.metric===z;return{title:t(r.title),key:r.key,align:`right`,sorter:r.metric!==null,sortDirections:a===`descend`?[`descend`,`ascend`]:[`ascend`,`descend`],sortOrder:o?V===null?a:V===`ASC`?`ascend`:`descend`:null,onCell:e=>{let t=r.gap?c(F(e.gap[r.gap.field]),i):`neutral`;return{"data-metric":r.key,"data-gap":r.gap?t:void 0,style:t===`bad`?{background:n.colorErrorBg}:void 0}},render:(n,a)=>{let o=u(e,r.unit,a.metrics[r.field]);if(!r.gap)return o;let s=a.gap[r.gap.field],l=c(F(s),i);return(0,O.jsx)(p,{title:t(`gapToTeam`,{gap:N(e,r,s)}),children:(0,O.jsx)(h.Text,{type:l===`bad`?`danger`:void 0,strong:l===`bad`,children:o})})}}});return[{title:t(`rank`),dataIndex:`rank`,key:`rank`,width:64,fixed:`left`},{title:t(`agent`),key:`agent`,fixed:`left`,render:(e,t)=>t.staff?.name??t.staffId},...r]},[q,z,V,t,e,n]),Y=U?.csRanking,X;return X=!U&&G?(0,O.jsx)(C,{style:{display:`block`,margin:48}}):Y?(0,O.jsxs)(m,{size:`small`,children:[W&&(0,O.jsx)(i,{type:`warning`,showIcon:!0,title:v(W),style:{marginBottom:16}}),(0,O.jsx)(w,{"data-testid":`cs-table`,size:`small`,rowKey:`staffId`,pagination:!1,scroll:{x:1100},tableLayout:`auto`,dataSource:Y.agents.nodes,columns:J,locale:{emptyText:t(`noAgents`)},onRow:e=>({"data-testid":`cs-row`,"data-staff":e.staffId,"data-rank":e.rank}),onChange:(e,t,n)=>{let r=Array.isArray(n)?n[0]:n,i=A.find(e=>e.key===r?.columnKey);!r?.order||!i?.metric?(B(`SALES_AMOUNT`),H(null)):(B(i.metric),H(r.order===`ascend`?`ASC`:`DESC`))},summary:()=>(0,O.jsx)(w.Summary,{children:(0,O.jsxs)(w.Summary.Row,{"data-testid":`cs-pooled`,style:{background:n.colorFillAlter,fontWeight:600},children:[(0,O.jsx)(w.Summary.Cell,{index:0,children:`—`}),(0,O.jsx)(w.Summary.Cell,{index:1,children:t(`csPooled`)}),A.map((t,n)=>(0,O.jsx)(w.Summary.Cell,{index:n+2,align:`right`,children:(0,O.jsx)(`span`,{"data-metric":t.key,children:u(e,t.unit,Y.team[t.field])})},t.key))]})})})]}):(0,O.jsx)(x,{"data-testid":`cs-error`,"data-code":g(W)??``,status:g(W)===`FORBIDDEN`?`403`:`error`,title:t(`error`),subTitle:v(W),extra:(0,O.jsx)(f,{onClick:()=>K({requestPolicy:`network-only`}),children:t(`retry`)})}),(0,O.jsxs)(`div`,{"data-testid":`cs-ranking`,"data-from":L.from,"data-to":L.to,"data-sort":z,"data-order":V??``,children:[(0,O.jsx)(h.Title,{level:3,style:{marginTop:0,marginBottom:4},children:t(`csTitle`)}),(0,O.jsx)(h.Paragraph,{type:`secondary`,children:t(`csSubtitle`,{from:e.date(L.from),to:e.date(L.to)})}),(0,O.jsxs)(_,{wrap:!0,style:{marginBottom:16},children:[(0,O.jsx)(S,{"data-testid":`cs-mode`,value:P,onChange:e=>{I(e),e===`day`&&R(e=>({from:e.to,to:e.to}))},options:[{value:`day`,label:t(`csOneDay`)},{value:`range`,label:t(`csRangeMode`)}]}),P===`day`?(0,O.jsx)(d,{type:`date`,style:{width:160},"data-testid":`cs-day`,value:L.to,max:M.today,onChange:e=>{let t=e.target.value;l(t)&&t<=M.today&&R({from:t,to:t})}}):(0,O.jsx)(E,{value:L,onChange:R,yesterday:M.yesterday,today:M.today,testId:`cs-range`}),(0,O.jsx)(f,{icon:(0,O.jsx)(o,{}),loading:G,onClick:()=>K({requestPolicy:`network-only`})})]}),X]})}function F(e){if(e==null||e===``)return null;let t=Number(e);return Number.isFinite(t)?t:null}export{P as default};