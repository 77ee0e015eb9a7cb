# Пакет компетенций, который предлагает предприятие кластера (пример; предприятие вымышлено).
# Это вариативная часть программы: компетенции ПКс по трудовым функциям профстандарта 40.002 «Сварщик».
use "sites.comp"
use "../../22.02.06/modules.comp"

bundle ЗАВОД-2026 "Заявка завода металлоконструкций на 2026 год" {
  enterprise "Завод металлоконструкций (пример)"
  standard ФГОС-22.02.06
  requests ПКс-1.1, ПКс-1.3, ПКс-3.1
  competency ПКс-1.1 "Выполнять сборку и сварку решётчатых металлоконструкций по технологической карте предприятия" {
    kind variable
    activity ВД-1
    hours theory 24, practice 72
    requires ПК-1.1
    can У-01
    experience О-02
    links "40.002 A/03.2"
  }
  competency ПКс-1.3 "Выполнять ручную дуговую сварку кольцевых стыков труб" {
    kind variable
    activity ВД-1
    hours theory 24, practice 72
    requires ПКс-1.1 or ПКс-5.2
    experience О-08
    links "40.002 A/03.2"
  }
  competency ПКс-3.1 "Выполнять визуальный и измерительный контроль сварных швов металлоконструкций" {
    kind variable
    activity ВД-3
    hours theory 36, practice 72
    requires ПК-3.2
    experience О-06
  }
  hours_max 480 h
  delivers ПП.01, ПП.03 at ЗАВОД
  seats 25
}
