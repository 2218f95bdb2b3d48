import type { TaxClassId } from '@app/tax/tax-class';

/** One demo product before it gets its SKU and barcode. */
export interface DemoProduct {
  /** SKU prefix of its shelf. */
  shelf: string;
  /** Position of its brand line in the table: the manufacturer part of its barcode. */
  line: number;
  /** Position among the sizes of its line: the item part of its barcode. */
  size: number;
  nameEn: string;
  nameZh: string;
  priceMinor: number;
  taxClass: TaxClassId;
}

/**
 * What a Chinese convenience store (便利店) stocks, one brand line per row:
 * `English name | 中文名 | size=规格=price in fen, … [| reduced]`. Basic foods (milk, rice,
 * eggs, oil, fresh produce) carry the reduced 9 % rate, everything else the standard 13 %.
 * Names and prices are plausible and belong to no shop. A table, not objects: a formatter
 * would spread 240 object literals over a thousand lines.
 */
const table = `
# DRK
Coca-Cola | 可口可乐 | 330ml=330毫升=350, 500ml=500毫升=400, 1.25L=1.25升=650
Coca-Cola Zero | 零度可口可乐 | 330ml=330毫升=350, 500ml=500毫升=400
Pepsi Cola | 百事可乐 | 330ml=330毫升=330, 500ml=500毫升=380, 2L=2升=850
Sprite | 雪碧 | 330ml=330毫升=330, 500ml=500毫升=380
Fanta Orange | 芬达橙味汽水 | 330ml=330毫升=330, 500ml=500毫升=380
Mirinda Orange | 美年达橙味 | 330ml=330毫升=300, 500ml=500毫升=350
7 Up Lemon | 七喜柠檬味 | 330ml=330毫升=300, 500ml=500毫升=350
Nongfu Spring Water | 农夫山泉饮用天然水 | 550ml=550毫升=200, 1.5L=1.5升=350, 4L=4升=900
C'estbon Purified Water | 怡宝纯净水 | 555ml=555毫升=200, 1.555L=1.555升=350
Wahaha Purified Water | 娃哈哈纯净水 | 596ml=596毫升=150
Master Kong Iced Black Tea | 康师傅冰红茶 | 500ml=500毫升=300, 1L=1升=500
Master Kong Jasmine Tea | 康师傅茉莉清茶 | 500ml=500毫升=300, 1L=1升=500
Uni-President Green Tea | 统一绿茶 | 500ml=500毫升=300, 1L=1升=500
Oriental Leaf Oolong Tea | 东方树叶乌龙茶 | 500ml=500毫升=550
Oriental Leaf Jasmine Tea | 东方树叶茉莉花茶 | 500ml=500毫升=550
Wanglaoji Herbal Tea | 王老吉凉茶 | 310ml can=310毫升罐装=450, 500ml bottle=500毫升瓶装=500
JDB Herbal Tea | 加多宝凉茶 | 310ml=310毫升=450
Red Bull Energy Drink | 红牛维生素功能饮料 | 250ml=250毫升=650
Dongpeng Special Drink | 东鹏特饮 | 500ml=500毫升=550
Gatorade Lemon | 佳得乐柠檬味 | 600ml=600毫升=550
Mizone Peach | 脉动水蜜桃味 | 500ml=500毫升=450, 1L=1升=700
Yuanqi Forest Sparkling Water White Peach | 元气森林白桃味苏打气泡水 | 480ml=480毫升=550
Minute Maid Pulpy Orange | 美汁源果粒橙 | 420ml=420毫升=400, 1.25L=1.25升=850
Huiyuan 100% Orange Juice | 汇源100%橙汁 | 1L=1升=1290
Nescafe Iced Coffee | 雀巢咖啡丝滑拿铁 | 268ml=268毫升=600
Starbucks Frappuccino Mocha | 星巴克星冰乐摩卡 | 281ml=281毫升=1200
Vitasoy Soy Milk | 维他奶原味豆奶 | 250ml=250毫升=350
Coconut Palm Coconut Milk | 椰树牌椰汁 | 245ml=245毫升=450, 1L=1升=1300
Lulu Almond Milk | 露露杏仁露 | 240ml=240毫升=400
Wahaha AD Calcium Milk | 娃哈哈AD钙奶 | 220g x4=220克×4=1000
# ALC
Tsingtao Beer Classic | 青岛啤酒经典 | 330ml can=330毫升罐装=500, 500ml can=500毫升罐装=650
Snow Beer Brave the World | 雪花啤酒勇闯天涯 | 500ml=500毫升=500
Budweiser Lager | 百威啤酒 | 330ml=330毫升=600, 500ml=500毫升=750
Harbin Beer | 哈尔滨啤酒 | 500ml=500毫升=450
Yanjing Beer | 燕京啤酒 | 500ml=500毫升=450
Red Star Erguotou | 红星二锅头 | 100ml=100毫升=600, 500ml=500毫升=1800
Niulanshan Erguotou | 牛栏山二锅头 | 500ml=500毫升=1600
RIO Cocktail Peach | RIO鸡尾酒水蜜桃味 | 330ml=330毫升=900
# DRY
Mengniu Pure Milk | 蒙牛纯牛奶 | 250ml=250毫升=350, 1L=1升=1250 | reduced
Yili Pure Milk | 伊利纯牛奶 | 250ml=250毫升=350, 1L=1升=1250 | reduced
Bright Fresh Milk | 光明鲜牛奶 | 950ml=950毫升=1590, 200ml=200毫升=450 | reduced
Telunsu Premium Milk | 特仑苏纯牛奶 | 250ml=250毫升=550 | reduced
Jindian Organic Milk | 金典有机纯牛奶 | 250ml=250毫升=550 | reduced
Yili Low-Fat Milk | 伊利低脂牛奶 | 250ml=250毫升=380 | reduced
Ambrosial Greek Yogurt | 安慕希希腊风味酸奶 | 205g=205克=650, 230g=230克=700
Chunzhen Yogurt | 纯甄酸牛奶 | 200g=200克=600
Yakult Probiotic Drink | 养乐多活菌型乳酸菌 | 100ml x5=100毫升×5=1150
Bright Moment Yogurt | 光明莫斯利安酸奶 | 200g=200克=650
Wahaha Nutri-Express | 娃哈哈营养快线 | 500g=500克=550
Mengniu Strawberry Milk | 蒙牛真果粒草莓 | 250g=250克=450
Anchor Butter | 安佳黄油 | 227g=227克=2990
Miaokelando Cheese Sticks | 妙可蓝多奶酪棒 | 100g=100克=1990
# SNK
Lay's Potato Chips Original | 乐事薯片原味 | 40g=40克=650, 70g=70克=850
Lay's Cucumber Flavour | 乐事薯片黄瓜味 | 40g=40克=650, 70g=70克=850
Pringles Original | 品客薯片原味 | 110g=110克=1290
Oishi Prawn Crackers | 上好佳鲜虾片 | 40g=40克=450
Want Want Rice Crackers | 旺旺雪饼 | 84g=84克=650, 150g=150克=990
Want Want Senbei | 旺旺仙贝 | 52g=52克=550
Oreo Original | 奥利奥原味夹心饼干 | 97g=97克=750, 388g=388克=2190
Pocky Chocolate | 百奇巧克力味 | 55g=55克=700
Glico Pretz Salad | 百力滋蔬菜味 | 65g=65克=650
Three Squirrels Mixed Nuts | 三只松鼠每日坚果 | 25g=25克=550
Three Squirrels Pecans | 三只松鼠碧根果 | 120g=120克=2590
Qiaqia Sunflower Seeds | 洽洽香瓜子 | 160g=160克=800, 308g=308克=1390
Weilong Spicy Strips | 卫龙辣条大面筋 | 65g=65克=350, 106g=106克=550
Youyou Pickled Pepper Chicken Feet | 有友泡椒凤爪 | 100g=100克=750
Liangpin Puzi Beef Jerky | 良品铺子牛肉干 | 100g=100克=2990
Haoliyou Choco Pie | 好丽友巧克力派 | 2 pcs=2枚=450, 6 pcs=6枚=1290
Dali Garden Soft Bread | 达利园法式软面包 | 200g=200克=850
Master Kong Biscuits | 康师傅3+2苏打夹心饼干 | 125g=125克=550
Cheetos Corn Puffs | 奇多玉米棒 | 90g=90克=650
Doritos Nacho Cheese | 多力多滋玉米片 | 68g=68克=750
Shrimp Strips | 好多鱼鲜虾条 | 45g=45克=400
Seaweed Snack Original | 波力海苔原味 | 4.5g x3=4.5克×3=800
# CND
Dove Milk Chocolate | 德芙丝滑牛奶巧克力 | 43g=43克=990, 252g=252克=4990
Snickers Bar | 士力架花生夹心巧克力 | 51g=51克=600, 20g x5=20克×5=1290
M&M's Peanut | M豆花生牛奶巧克力 | 40g=40克=750
Ferrero Rocher | 费列罗榛果威化巧克力 | 3 pcs=3粒=1190, 16 pcs=16粒=5990
Kit Kat Wafer | 雀巢奇巧威化 | 41.5g=41.5克=600
White Rabbit Creamy Candy | 大白兔奶糖 | 114g=114克=1290
Alpenliebe Caramel Lollipop | 阿尔卑斯焦糖棒棒糖 | 10g=10克=100
Wrigley Extra Spearmint Gum | 益达木糖醇口香糖薄荷味 | 5 pcs=5片=300, 40 pcs bottle=40粒瓶装=1150
Skittles Original | 彩虹糖原果味 | 45g=45克=650
Golden Monkey Milk Candy | 金丝猴奶糖 | 150g=150克=990
Mentos Mint | 曼妥思薄荷糖 | 38g=38克=500
Hsu Fu Chi Candy Mix | 徐福记什锦糖 | 200g=200克=1590
# INS
Master Kong Braised Beef Noodles | 康师傅红烧牛肉面 | bag=袋装=350, bowl=桶装=550
Master Kong Spicy Beef Noodles | 康师傅香辣牛肉面 | bag=袋装=350, bowl=桶装=550
Uni-President Pickled Cabbage Noodles | 统一老坛酸菜牛肉面 | bag=袋装=350, bowl=桶装=550
Nissin Cup Noodles Seafood | 日清合味道海鲜风味 | 84g=84克=650
Baixiang Instant Noodles | 白象大骨面 | bag=袋装=300
Haidilao Self-Heating Hotpot | 海底捞自热小火锅 | 435g=435克=3590
Haohuanluo Luosifen | 好欢螺螺蛳粉 | 400g=400克=1590
Shuanghui Ham Sausage | 双汇王中王火腿肠 | 40g=40克=200, 30g x10=30克×10=1290
Zhuoyue Braised Egg | 卤蛋 | 30g=30克=200
Meiji Onigiri Tuna | 金枪鱼饭团 | 110g=110克=650
Sandwich Ham and Egg | 火腿鸡蛋三明治 | 1 pc=1个=850
Hot Dog Bun | 热狗面包 | 1 pc=1个=600
Eight Treasure Congee | 娃哈哈八宝粥 | 360g=360克=450
Instant Oatmeal | 桂格即食燕麦片 | 1kg=1千克=2590
Pork Buns Frozen | 思念猪肉包子 | 480g=480克=1590
Sanquan Dumplings Pork and Cabbage | 三全猪肉白菜水饺 | 500g=500克=1690
Wanchai Ferry Dumplings | 湾仔码头水饺 | 720g=720克=3590
Tangyuan Black Sesame | 思念黑芝麻汤圆 | 500g=500克=1290
# GRC
Northeast Rice | 东北大米 | 1kg=1千克=990, 5kg=5千克=4590 | reduced
Jasmine Rice | 泰国香米 | 2.5kg=2.5千克=3290 | reduced
Wheat Flour | 金龙鱼小麦粉 | 1kg=1千克=790 | reduced
Fresh Eggs | 新鲜鸡蛋 | 10 pcs=10枚=1290, 30 pcs=30枚=3290 | reduced
Arowana Blend Cooking Oil | 金龙鱼调和油 | 900ml=900毫升=1990, 5L=5升=6990 | reduced
Luhua Peanut Oil | 鲁花花生油 | 1.8L=1.8升=5490 | reduced
Millet | 小米 | 1kg=1千克=1290 | reduced
Haitian Light Soy Sauce | 海天生抽 | 500ml=500毫升=890, 1.28L=1.28升=1690
Haitian Dark Soy Sauce | 海天老抽 | 500ml=500毫升=890
Hengshun Aged Vinegar | 恒顺香醋 | 500ml=500毫升=790
Lao Gan Ma Chili Sauce | 老干妈风味豆豉油辣椒 | 280g=280克=1190
Pixian Chili Bean Paste | 郫县豆瓣酱 | 500g=500克=990
Table Salt | 食用盐 | 400g=400克=300
White Sugar | 白砂糖 | 500g=500克=690
Totole Chicken Bouillon | 太太乐鸡精 | 200g=200克=990
Fuling Pickled Mustard | 乌江涪陵榨菜 | 80g=80克=200, 80g x10=80克×10=1800
Guilin Rice Noodles Dried | 桂林米粉 | 500g=500克=890
Dried Noodles | 挂面 | 1kg=1千克=990
Canned Sardines | 沙丁鱼罐头 | 425g=425克=1290
Canned Luncheon Meat | 梅林午餐肉罐头 | 340g=340克=1890
# FRS
Bananas | 香蕉 | 500g=500克=450 | reduced
Fuji Apples | 红富士苹果 | 1kg=1千克=1290 | reduced
Tomatoes | 西红柿 | 500g=500克=490 | reduced
Cucumbers | 黄瓜 | 500g=500克=390 | reduced
Chinese Cabbage | 大白菜 | 1 head=1颗=590 | reduced
Potatoes | 土豆 | 1kg=1千克=590 | reduced
Oranges | 橙子 | 1kg=1千克=1190 | reduced
Tofu Firm | 北豆腐 | 400g=400克=350 | reduced
Carrots | 胡萝卜 | 500g=500克=350 | reduced
Watermelon | 西瓜 | 1 whole=1个=2990 | reduced
Green Onions | 大葱 | 500g=500克=390 | reduced
# FRZ
Magnum Classic Ice Cream | 梦龙经典香草冰淇淋 | 64g=64克=1000
Cornetto Chocolate | 可爱多巧克力味甜筒 | 67g=67克=600
Yili Qiaolezi Ice Cream | 伊利巧乐兹 | 70g=70克=500
Zhong Xue Gao Sea Salt | 钟薛高海盐椰椰 | 78g=78克=1300
Green Bean Popsicle | 绿豆冰棒 | 70g=70克=200
Mengniu Suibian Ice Cream | 蒙牛随变冰淇淋 | 75g=75克=450
Ice Cubes Bag | 冰块袋装 | 2kg=2千克=800
# HSH
Vinda Facial Tissue | 维达抽纸 | 3 packs=3包=1290, single pack=单包=450
Breeze Pocket Tissues | 清风手帕纸 | 10 packs=10包=590
Mind Act Upon Mind Toilet Roll | 心相印卷纸 | 10 rolls=10卷=2990
Wet Wipes | 湿巾 | 80 pcs=80片=1290
Liby Laundry Detergent | 立白洗衣液 | 2kg=2千克=3290
Blue Moon Laundry Liquid | 蓝月亮深层洁净洗衣液 | 1kg=1千克=2590
Diaopai Laundry Soap | 雕牌洗衣皂 | 202g x2=202克×2=790
Liby Dish Soap | 立白洗洁精 | 1.12kg=1.12千克=1390
Garbage Bags | 垃圾袋 | 50 pcs=50只=890
Disposable Chopsticks | 一次性筷子 | 50 pairs=50双=690
AA Batteries Nanfu | 南孚5号电池 | 2 pcs=2节=990, 4 pcs=4节=1890
AAA Batteries Nanfu | 南孚7号电池 | 2 pcs=2节=990
Disposable Lighter | 打火机 | 1 pc=1个=200
Umbrella Folding | 折叠雨伞 | 1 pc=1把=2990
Raid Mosquito Coil | 雷达蚊香 | 10 coils=10盘=1290
Phone Charging Cable USB-C | Type-C充电线 | 1m=1米=1990
# PCR
Colgate Toothpaste | 高露洁牙膏 | 140g=140克=1290
Yunnan Baiyao Toothpaste | 云南白药牙膏 | 150g=150克=2990
Darlie Toothpaste | 黑人牙膏 | 140g=140克=1390
Toothbrush Soft | 软毛牙刷 | 1 pc=1支=890
Head & Shoulders Shampoo | 海飞丝去屑洗发露 | 200ml=200毫升=2990, 400ml=400毫升=4990
Safeguard Soap | 舒肤佳香皂 | 100g=100克=490
Lifebuoy Hand Wash | 卫宝洗手液 | 250ml=250毫升=1590
Whisper Sanitary Pads | 护舒宝卫生巾 | 10 pcs=10片=1590
Durex Condoms | 杜蕾斯安全套 | 3 pcs=3只=2590
Face Masks Disposable | 一次性口罩 | 10 pcs=10只=990
Band-Aid Bandages | 邦迪创可贴 | 10 pcs=10片=690
Mentholatum Lip Balm | 曼秀雷敦润唇膏 | 3.5g=3.5克=2190
# STN
Gel Pen Black | 晨光中性笔黑色 | 1 pc=1支=250, 12 pcs=12支=2400
Notebook A5 | A5笔记本 | 1 pc=1本=590
Scotch Tape | 透明胶带 | 1 roll=1卷=350
Greeting Card | 贺卡 | 1 pc=1张=500
Red Envelopes | 红包 | 6 pcs=6个=500
# BKY
Mankattan Sliced Bread | 曼可顿全麦切片面包 | 400g=400克=1290
Taoli Sliced Bread | 桃李醇熟切片面包 | 400g=400克=990
Taoli Bean Paste Bun | 桃李豆沙面包 | 75g=75克=350
Egg Yolk Pastry | 蛋黄酥 | 6 pcs=6枚=1990
Swiss Roll Strawberry | 草莓瑞士卷 | 1 pc=1个=650
Croissant Butter | 黄油牛角包 | 1 pc=1个=800
Mooncake Lotus Seed | 莲蓉月饼 | 100g=100克=1200
Shortbread Cookies | 黄油曲奇 | 100g=100克=1590
# TEA
Tieguanyin Oolong Tea Leaves | 安溪铁观音茶叶 | 250g=250克=6800
Longjing Green Tea Leaves | 西湖龙井茶叶 | 100g=100克=8800
Lipton Yellow Label Tea Bags | 立顿黄牌精选红茶包 | 25 bags=25包=1590
Nescafe 1+2 Instant Coffee | 雀巢1+2原味速溶咖啡 | 15g x7=15克×7=1590
Xiangpiaopiao Milk Tea | 香飘飘原味奶茶 | 80g=80克=450
Ovaltine Malt Drink | 阿华田可可粉 | 400g=400克=3290
Brown Sugar Ginger Tea | 红糖姜茶 | 10 sachets=10袋=1890
# PET
Cat Food Dry Chicken | 猫粮鸡肉味 | 1.5kg=1.5千克=5990
Dog Treats Beef | 狗零食牛肉条 | 100g=100克=1590
Cat Litter Tofu | 豆腐猫砂 | 2.5kg=2.5千克=3990
`;

/** The table's rows as products, in table order. */
export function demoProducts(): DemoProduct[] {
  const products: DemoProduct[] = [];
  let shelf = '';
  let line = 0;
  for (const row of table.split('\n').map((r) => r.trim())) {
    if (row === '') continue;
    if (row.startsWith('# ')) {
      shelf = row.slice(2);
      continue;
    }
    const [en, zh, sizes, tax] = row.split('|').map((field) => field.trim());
    if (en === undefined || zh === undefined || sizes === undefined || shelf === '') {
      throw new Error(`demo catalog row is malformed: ${row}`);
    }
    line += 1;
    sizes.split(',').forEach((size, i) => {
      const [sizeEn, sizeZh, fen] = size.split('=').map((part) => part.trim());
      if (sizeEn === undefined || sizeZh === undefined || fen === undefined || !/^\d+$/.test(fen)) {
        throw new Error(`demo catalog size is malformed: ${row}`);
      }
      products.push({
        shelf,
        line,
        size: i + 1,
        nameEn: `${en} ${sizeEn}`,
        nameZh: `${zh} ${sizeZh}`,
        priceMinor: Number(fen),
        taxClass: tax === 'reduced' ? 'reduced' : 'standard',
      });
    });
  }
  return products;
}
