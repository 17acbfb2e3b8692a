-- Demo facilities of the demo tenants, holding the categories of their seeded classification schemes (V6).
-- Written as the owner with the tenant set, as the service would, so row-level security checks these rows too.

select set_config('app.tenant_id', '01900000-0000-7000-8000-00000000004b', true);
insert into facility (id, code, name, categories, capacity, version, created_at, updated_at) values
  ('01900000-0000-7000-8000-0000000f0001', 'KZ-ALM-01',
   '{"kk": "Алматы қоныс-колониясы", "ru": "Колония-поселение, Алматы", "en": "Almaty colony-settlement"}',
   '{colony_settlement,minimum_security}', 600, 0, now(), now()),
  ('01900000-0000-7000-8000-0000000f0002', 'KZ-AST-02',
   '{"kk": "Астана орташа қауіпсіздік мекемесі", "ru": "Учреждение средней безопасности, Астана", "en": "Astana medium security institution"}',
   '{minimum_security,medium_security}', 1200, 0, now(), now()),
  ('01900000-0000-7000-8000-0000000f0003', 'KZ-KAR-03',
   '{"kk": "Қарағанды максималды қауіпсіздік мекемесі", "ru": "Учреждение максимальной безопасности, Караганда", "en": "Karaganda maximum security institution"}',
   '{maximum_security,extraordinary_security,prison}', 900, 0, now(), now());

select set_config('app.tenant_id', '01900000-0000-7000-8000-00000000004c', true);
insert into facility (id, code, name, categories, capacity, version, created_at, updated_at) values
  ('01900000-0000-7000-8000-0000000f0101', 'KG-BSH-01',
   '{"ky": "Бишкек жалпы режимдеги колониясы", "ru": "Исправительная колония общего режима, Бишкек", "en": "Bishkek general regime colony"}',
   '{colony_settlement,general_regime}', 1000, 0, now(), now()),
  ('01900000-0000-7000-8000-0000000f0102', 'KG-OSH-02',
   '{"ky": "Ош катуу режимдеги колониясы", "ru": "Исправительная колония строгого режима, Ош", "en": "Osh strict regime colony"}',
   '{general_regime,strict_regime,special_regime,prison}', 800, 0, now(), now()),
  ('01900000-0000-7000-8000-0000000f0103', 'KG-VOS-03',
   '{"ky": "Тарбиялык колония", "ru": "Воспитательная колония", "en": "Juvenile educational colony"}',
   '{educational_colony}', 150, 0, now(), now());

select set_config('app.tenant_id', '', true);
