# Пакет компетенций, который предлагает предприятие кластера (пример; предприятие вымышлено).
use "sites.comp"
use "../../22.02.06/modules.comp"

bundle ЗАВОД-2026 "Заявка завода металлоконструкций на 2026 год" {
  enterprise "Завод металлоконструкций (пример)"
  standard ФГОС-22.02.06
  requests ПКс-1.1, ПКс-1.2
  competency ПКс-1.1 "Выполнять сборку и сварку решётчатых металлоконструкций по технологической карте предприятия" {
    kind variable
    activity ВД-1
    hours theory 12, practice 60
    requires ПК-1.1
    can У-01
    links "40.002 A/03.2"
  }
  competency ПКс-1.2 "Выполнять визуальный и измерительный контроль сварных швов металлоконструкций" {
    kind variable
    activity ВД-3
    hours theory 12, practice 36
    requires ПК-3.2 or ПКс-1.1
  }
  hours_max 400
  delivers ПП.01, ПП.03 at ЗАВОД
  seats 25
}
