/**
 * Word lists for the deterministic demo catalog. Each kind of product has the materials it is
 * really made from and a believable price range in euros; each category has a rating spread
 * (`quality`: the range a product's typical star rating is drawn from).
 */
export interface ProductKind {
  noun: string;
  materials: readonly string[];
  /** Whole euros, inclusive. */
  price: readonly [min: number, max: number];
}

export interface CategorySpec {
  slug: string;
  name: string;
  /** A product's typical rating is drawn from this range, then each review varies around it. */
  quality: readonly [min: 1 | 2 | 3 | 4 | 5, max: 1 | 2 | 3 | 4 | 5];
  kinds: readonly ProductKind[];
}

const kind = (
  noun: string,
  materials: readonly string[],
  min: number,
  max: number,
): ProductKind => ({
  noun,
  materials,
  price: [min, max],
});

export const CATEGORIES: readonly CategorySpec[] = [
  {
    slug: 'kitchen',
    name: 'Kitchen',
    quality: [3, 5],
    kinds: [
      kind('Chef Knife', ['carbon steel', 'stainless steel', 'Damascus steel'], 35, 180),
      kind('Skillet', ['cast iron', 'carbon steel', 'stainless steel'], 25, 110),
      kind('Dutch Oven', ['enamelled cast iron', 'cast iron'], 60, 320),
      kind('Cutting Board', ['oak', 'walnut', 'maple', 'bamboo'], 18, 90),
      kind('Kettle', ['stainless steel', 'enamelled steel', 'borosilicate glass'], 30, 140),
      kind('Whisk', ['stainless steel', 'silicone-coated steel'], 6, 25),
    ],
  },
  {
    slug: 'coffee',
    name: 'Coffee',
    quality: [4, 5],
    kinds: [
      kind('Grinder', ['stainless steel', 'aluminium', 'ceramic burr'], 45, 350),
      kind('Pour-Over Set', ['borosilicate glass', 'ceramic', 'stainless steel'], 25, 85),
      kind('Espresso Cups', ['porcelain', 'stoneware', 'double-walled glass'], 15, 45),
      kind('French Press', ['borosilicate glass', 'stainless steel'], 20, 70),
      kind('Milk Frother', ['stainless steel', 'aluminium'], 25, 120),
    ],
  },
  {
    slug: 'outdoor',
    name: 'Outdoor',
    quality: [4, 5],
    kinds: [
      kind('Tent', ['ripstop nylon', 'polyester', 'silnylon'], 120, 650),
      kind('Sleeping Bag', ['down-filled nylon', 'synthetic-fill polyester'], 70, 380),
      kind('Camp Stove', ['aluminium', 'stainless steel', 'titanium'], 35, 160),
      kind('Headlamp', ['aluminium', 'polycarbonate'], 20, 90),
      kind('Trekking Poles', ['aluminium', 'carbon fibre'], 40, 180),
    ],
  },
  {
    slug: 'cycling',
    name: 'Cycling',
    quality: [3, 5],
    kinds: [
      kind('Helmet', ['polycarbonate shell with EPS foam', 'in-moulded EPS'], 45, 250),
      kind('Bike Light', ['aluminium', 'polycarbonate'], 20, 110),
      kind('Saddle Bag', ['waterproof nylon', 'waxed canvas', 'recycled polyester'], 18, 75),
      kind('Mini Pump', ['aluminium', 'carbon fibre'], 18, 60),
      kind('Jersey', ['merino wool', 'recycled polyester', 'polyester'], 40, 150),
    ],
  },
  {
    slug: 'audio',
    name: 'Audio',
    quality: [4, 5],
    kinds: [
      kind(
        'Headphones',
        ['aluminium and memory foam', 'polycarbonate and protein leather'],
        60,
        450,
      ),
      kind('Speaker', ['walnut veneer', 'aluminium', 'fabric-wrapped MDF'], 80, 600),
      kind('Turntable', ['walnut veneer', 'acrylic', 'aluminium'], 180, 900),
      kind('Earbuds', ['polycarbonate'], 40, 280),
      kind('DAC', ['aluminium'], 90, 500),
    ],
  },
  {
    slug: 'office',
    name: 'Office',
    quality: [3, 5],
    kinds: [
      kind('Desk Lamp', ['aluminium', 'steel', 'oak'], 35, 220),
      kind('Notebook', ['recycled paper', 'acid-free paper'], 8, 30),
      kind('Fountain Pen', ['brass', 'resin', 'stainless steel'], 25, 220),
      kind('Monitor Stand', ['oak', 'walnut', 'aluminium', 'bamboo'], 35, 160),
      kind('Desk Mat', ['felt', 'vegan leather', 'cork'], 18, 70),
    ],
  },
  {
    slug: 'garden',
    name: 'Garden',
    quality: [3, 5],
    kinds: [
      kind('Pruning Shears', ['carbon steel', 'stainless steel'], 18, 85),
      kind('Watering Can', ['galvanised steel', 'recycled plastic', 'copper'], 15, 90),
      kind('Planter', ['terracotta', 'glazed ceramic', 'fibre clay'], 15, 140),
      kind('Trowel', ['stainless steel', 'carbon steel'], 10, 45),
      kind('Hose Reel', ['powder-coated steel', 'recycled plastic'], 40, 180),
    ],
  },
  {
    slug: 'home',
    name: 'Home',
    quality: [3, 5],
    kinds: [
      kind('Throw Blanket', ['wool', 'organic cotton', 'linen'], 35, 220),
      kind('Candle', ['soy wax', 'beeswax', 'rapeseed wax'], 10, 55),
      kind('Vase', ['glass', 'stoneware', 'porcelain'], 20, 140),
      kind('Wall Clock', ['oak', 'walnut', 'aluminium'], 30, 180),
      kind('Doormat', ['coir', 'recycled rubber', 'jute'], 18, 75),
    ],
  },
  {
    slug: 'fitness',
    name: 'Fitness',
    quality: [3, 5],
    kinds: [
      kind('Yoga Mat', ['natural rubber', 'TPE', 'cork'], 25, 120),
      kind('Kettlebell', ['cast iron', 'vinyl-coated cast iron'], 25, 140),
      kind('Jump Rope', ['steel cable', 'PVC'], 8, 45),
      kind('Foam Roller', ['EVA foam', 'EPP foam'], 15, 60),
      kind('Resistance Bands', ['natural latex', 'fabric-covered latex'], 12, 50),
    ],
  },
  {
    slug: 'travel',
    name: 'Travel',
    quality: [3, 5],
    kinds: [
      kind('Backpack', ['recycled polyester', 'waxed canvas', 'ripstop nylon'], 60, 260),
      kind('Packing Cubes', ['ripstop nylon', 'recycled polyester'], 18, 60),
      kind('Travel Mug', ['stainless steel', 'bamboo fibre'], 15, 45),
      kind('Neck Pillow', ['memory foam', 'inflatable TPU'], 15, 55),
      kind('Luggage Tag', ['leather', 'aluminium', 'silicone'], 6, 30),
    ],
  },
  {
    slug: 'kids',
    name: 'Kids',
    quality: [3, 5],
    kinds: [
      kind('Building Blocks', ['beech wood', 'ABS plastic'], 15, 90),
      kind('Puzzle', ['recycled cardboard', 'birch plywood'], 8, 40),
      kind('Plush Bear', ['organic cotton', 'polyester plush'], 12, 50),
      kind('Crayon Set', ['beeswax', 'soy wax'], 6, 25),
      kind('Scooter', ['aluminium', 'steel'], 45, 180),
    ],
  },
  {
    slug: 'pets',
    name: 'Pets',
    quality: [3, 5],
    kinds: [
      kind('Dog Bed', ['recycled polyester', 'cotton canvas', 'memory foam'], 35, 180),
      kind('Cat Tree', ['sisal and pine', 'sisal and MDF'], 50, 250),
      kind('Leash', ['nylon webbing', 'leather', 'climbing rope'], 12, 60),
      kind('Feeding Bowl', ['stainless steel', 'ceramic', 'bamboo fibre'], 8, 45),
      kind('Chew Toy', ['natural rubber', 'nylon'], 5, 25),
    ],
  },
];

export const BRANDS = [
  'Aurora',
  'Northwind',
  'Fjord',
  'Kestrel',
  'Lumen',
  'Oakridge',
  'Pioneer',
  'Solstice',
  'Tidewater',
  'Vela',
];

export const ADJECTIVES = [
  'Classic',
  'Compact',
  'Everyday',
  'Pro',
  'Ultralight',
  'Heritage',
  'Studio',
  'Trail',
  'Urban',
  'Essential',
];

export const COLOURS = ['black', 'white', 'slate', 'forest', 'sand', 'ocean', 'rust', 'olive'];

export type Stars = 1 | 2 | 3 | 4 | 5;

export const REVIEW_TITLES: Record<Stars, string[]> = {
  1: ['Disappointed', 'Broke within a week', 'Not as described'],
  2: ['Could be better', 'Meh', 'Some flaws'],
  3: ['Does the job', 'Decent for the price', 'Okay overall'],
  4: ['Very good', 'Happy with it', 'Solid choice'],
  5: ['Excellent', 'Love it', 'Best purchase this year'],
};

export const REVIEW_BODIES: Record<Stars, string[]> = {
  1: [
    'It stopped working soon after I unpacked it.',
    'The finish scratched on first use and support was slow.',
  ],
  2: ['Works, but the build quality feels cheap.', 'Smaller than the pictures suggest.'],
  3: ['Nothing special, nothing wrong. It does what it says.', 'Fine for occasional use.'],
  4: [
    'Well made and arrived quickly. One small niggle with the packaging.',
    'Does everything I need and looks good doing it.',
  ],
  5: [
    'Beautifully made; I use it every day.',
    'Exceeded my expectations in every way. Would buy again.',
  ],
};

export const AUTHORS = [
  'Maya K.',
  'Jonas P.',
  'Aiko T.',
  'Liam O.',
  'Sofia R.',
  'Noah B.',
  'Ines M.',
  'Omar H.',
  'Clara V.',
  'Theo W.',
  'Priya S.',
  'Lukas F.',
];
