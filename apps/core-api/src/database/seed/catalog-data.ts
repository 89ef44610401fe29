/** Word lists for the deterministic demo catalog. */
export const CATEGORIES = [
  { slug: 'kitchen', name: 'Kitchen', nouns: ['Chef Knife', 'Skillet', 'Dutch Oven', 'Cutting Board', 'Kettle', 'Whisk'] },
  { slug: 'coffee', name: 'Coffee', nouns: ['Grinder', 'Pour-Over Set', 'Espresso Cups', 'French Press', 'Milk Frother'] },
  { slug: 'outdoor', name: 'Outdoor', nouns: ['Tent', 'Sleeping Bag', 'Camp Stove', 'Headlamp', 'Trekking Poles'] },
  { slug: 'cycling', name: 'Cycling', nouns: ['Helmet', 'Bike Light', 'Saddle Bag', 'Mini Pump', 'Jersey'] },
  { slug: 'audio', name: 'Audio', nouns: ['Headphones', 'Speaker', 'Turntable', 'Earbuds', 'DAC'] },
  { slug: 'office', name: 'Office', nouns: ['Desk Lamp', 'Notebook', 'Fountain Pen', 'Monitor Stand', 'Desk Mat'] },
  { slug: 'garden', name: 'Garden', nouns: ['Pruning Shears', 'Watering Can', 'Planter', 'Trowel', 'Hose Reel'] },
  { slug: 'home', name: 'Home', nouns: ['Throw Blanket', 'Candle', 'Vase', 'Wall Clock', 'Doormat'] },
  { slug: 'fitness', name: 'Fitness', nouns: ['Yoga Mat', 'Kettlebell', 'Jump Rope', 'Foam Roller', 'Resistance Bands'] },
  { slug: 'travel', name: 'Travel', nouns: ['Backpack', 'Packing Cubes', 'Travel Mug', 'Neck Pillow', 'Luggage Tag'] },
  { slug: 'kids', name: 'Kids', nouns: ['Building Blocks', 'Puzzle', 'Plush Bear', 'Crayon Set', 'Scooter'] },
  { slug: 'pets', name: 'Pets', nouns: ['Dog Bed', 'Cat Tree', 'Leash', 'Feeding Bowl', 'Chew Toy'] },
] as const;

export const BRANDS = ['Aurora', 'Northwind', 'Fjord', 'Kestrel', 'Lumen', 'Oakridge', 'Pioneer', 'Solstice', 'Tidewater', 'Vela'];

export const ADJECTIVES = ['Classic', 'Compact', 'Everyday', 'Pro', 'Ultralight', 'Heritage', 'Studio', 'Trail', 'Urban', 'Essential'];

export const COLOURS = ['black', 'white', 'slate', 'forest', 'sand', 'ocean', 'rust', 'olive'];
export const MATERIALS = ['steel', 'oak', 'cotton', 'aluminium', 'ceramic', 'recycled polyester', 'walnut', 'glass'];

export type Stars = 1 | 2 | 3 | 4 | 5;

export const REVIEW_TITLES: Record<Stars, string[]> = {
  1: ['Disappointed', 'Broke within a week', 'Not as described'],
  2: ['Could be better', 'Meh', 'Some flaws'],
  3: ['Does the job', 'Decent for the price', 'Okay overall'],
  4: ['Very good', 'Happy with it', 'Solid choice'],
  5: ['Excellent', 'Love it', 'Best purchase this year'],
};

export const REVIEW_BODIES: Record<Stars, string[]> = {
  1: ['It stopped working soon after I unpacked it.', 'The finish scratched on first use and support was slow.'],
  2: ['Works, but the build quality feels cheap.', 'Smaller than the pictures suggest.'],
  3: ['Nothing special, nothing wrong. It does what it says.', 'Fine for occasional use.'],
  4: ['Well made and arrived quickly. One small niggle with the packaging.', 'Does everything I need and looks good doing it.'],
  5: ['Beautifully made; I use it every day.', 'Exceeded my expectations in every way. Would buy again.'],
};

export const AUTHORS = ['Maya K.', 'Jonas P.', 'Aiko T.', 'Liam O.', 'Sofia R.', 'Noah B.', 'Ines M.', 'Omar H.', 'Clara V.', 'Theo W.', 'Priya S.', 'Lukas F.'];
